//! Software every office uses: word processors and note apps,
//! spreadsheets, presentations, e-mail, browsers, office suites,
//! enterprise resource planning (ERP) and HR suites, data entry,
//! scheduling, video calls and chat, consumer antivirus, small-business
//! bookkeeping, operating systems and the social networks everyone has.
//! Knowing them tells little about a career, so they never count as a
//! reason to choose one, and they come last in lists of skills to learn.

use careerdiff_model::normalize_phrase;

/// O*NET technology names (normalised) of generic office and ERP software.
const GENERIC: &[&str] = &[
    "3m post it app",
    "adobe acrobat",
    "antivirus software",
    "apple iwork",
    "apple iwork keynote",
    "apple iwork numbers",
    "apple iwork pages",
    "apple keynote",
    "apple macos",
    "apple safari",
    "atlassian hipchat",
    "blink",
    "calendar and scheduling software",
    "calendar software",
    "cisco webex",
    "collaborative editing software",
    "corel quattropro",
    "corel wordperfect office suite",
    "data entry software",
    "dropbox",
    "email software",
    "enterprise resource planning erp software",
    "evernote",
    "facebook",
    "facetime",
    "google calendar",
    "google chrome",
    "google docs",
    "google drive",
    "google gmail",
    "google meet",
    "google sheets",
    "google slides",
    "google workspace",
    "groupme",
    "human resource management software hrms",
    "ibm lotus 1 2 3",
    "ibm lotus notes",
    "ibm notes",
    "instagram",
    "instant messaging software",
    "internet browser software",
    "intuit quickbooks",
    "libreoffice",
    "linkedin",
    "logmein gotomeeting",
    "mcafee",
    "mcafee virusscan",
    "microsoft access",
    "microsoft defender antivirus",
    "microsoft dynamics",
    "microsoft excel",
    "microsoft internet explorer",
    "microsoft netmeeting",
    "microsoft office live meeting",
    "microsoft office software",
    "microsoft onenote",
    "microsoft outlook",
    "microsoft powerpoint",
    "microsoft project",
    "microsoft publisher",
    "microsoft sharepoint",
    "microsoft teams",
    "microsoft visio",
    "microsoft windows",
    "microsoft word",
    "microsoft works",
    "mozilla firefox",
    "mozilla thunderbird",
    "netscape navigator",
    "norton antivirus",
    "nortonlifelock cybersecurity software",
    "openoffice org",
    "oracle e business suite",
    "oracle jd edwards enterprise one",
    "oracle peoplesoft",
    "quicken",
    "sap software",
    "scheduling software",
    "skype",
    "slack",
    "snapchat",
    "spreadsheet software",
    "twitter",
    "videoconferencing software",
    "virus protection software",
    "virus scanning software",
    "web browser software",
    "web conferencing software",
    "whatsapp",
    "word processing software",
    "wordperfect",
    "yahoo email",
    "youtube",
    "zoom",
];

/// [`GENERIC`] as the phrase normaliser writes it (it singularises, so
/// "google docs" is kept as "google doc").
static NORMALISED: std::sync::LazyLock<std::collections::HashSet<String>> =
    std::sync::LazyLock::new(|| GENERIC.iter().map(|name| normalize_phrase(name)).collect());

/// Whether `name` is generic office or ERP software.
pub(crate) fn is_generic_software(name: &str) -> bool {
    let key = normalize_phrase(name);
    NORMALISED.contains(&key) || key.starts_with("sap ")
}

#[cfg(test)]
mod tests {
    use super::{GENERIC, is_generic_software};

    #[test]
    fn the_list_is_sorted_and_every_name_is_found() {
        assert!(GENERIC.windows(2).all(|w| w[0] < w[1]), "sorted, so additions are easy to review");
        assert!(GENERIC.iter().all(|name| is_generic_software(name)));
        assert!(is_generic_software("Google Docs"), "plurals are normalised on both sides");
    }

    #[test]
    fn office_and_erp_products_are_generic_and_tools_of_a_trade_are_not() {
        for name in [
            "Microsoft Word",
            "SAP software",
            "SAP Business Objects",
            "Microsoft Outlook",
            "Cisco Webex",
            "Quicken",
            // O*NET's technologies of Software Developers that a move
            // there listed among the first to learn.
            "NortonLifeLock cybersecurity software",
            "Blink",
            "3M Post-it App",
        ] {
            assert!(is_generic_software(name), "{name}");
        }
        // Security tools of the trade are not consumer antivirus.
        for name in
            ["Python", "TensorFlow", "Epic Systems", "AutoCAD", "IBM SPSS Statistics", "Oracle Java", "Tenable Nessus"]
        {
            assert!(!is_generic_software(name), "{name}");
        }
    }
}
