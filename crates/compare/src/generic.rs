//! Software every office uses: word processors, spreadsheets, e-mail,
//! browsers, office suites, enterprise resource planning (ERP) and HR
//! suites, data entry, scheduling, video calls, small-business
//! bookkeeping, operating systems and the social networks everyone has.
//! Knowing them tells little about a career, so they never count as a
//! reason to choose one, and they come last in lists of skills to learn.

use careerdiff_model::normalize_phrase;

/// O*NET technology names (normalised) of generic office and ERP software.
const GENERIC: &[&str] = &[
    "adobe acrobat",
    "apple keynote",
    "apple macos",
    "apple safari",
    "calendar and scheduling software",
    "cisco webex",
    "data entry software",
    "dropbox",
    "email software",
    "enterprise resource planning erp software",
    "facebook",
    "facetime",
    "google docs",
    "google drive",
    "google gmail",
    "google meet",
    "google sheets",
    "google workspace",
    "human resource management software hrms",
    "ibm notes",
    "instagram",
    "internet browser software",
    "intuit quickbooks",
    "linkedin",
    "microsoft access",
    "microsoft dynamics",
    "microsoft excel",
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
    "oracle e business suite",
    "oracle jd edwards enterprise one",
    "oracle peoplesoft",
    "quicken",
    "sap software",
    "scheduling software",
    "skype",
    "slack",
    "spreadsheet software",
    "twitter",
    "videoconferencing software",
    "web browser software",
    "web conferencing software",
    "word processing software",
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
        for name in
            ["Microsoft Word", "SAP software", "SAP Business Objects", "Microsoft Outlook", "Cisco Webex", "Quicken"]
        {
            assert!(is_generic_software(name), "{name}");
        }
        for name in ["Python", "TensorFlow", "Epic Systems", "AutoCAD", "IBM SPSS Statistics", "Oracle Java"] {
            assert!(!is_generic_software(name), "{name}");
        }
    }
}
