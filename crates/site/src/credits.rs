//! The data-source credits every page's footer carries, from what the
//! content says it was built from: O*NET (CC BY 4.0 asks for attribution
//! and a note that values were modified) and BLS (public domain, credited
//! as good practice). The releases come from the careers themselves (the
//! importer writes `onet = "O*NET 29.2"` under `[provenance]` and
//! `source = "BLS OEWS May 2025"` under `[salary]`), so a newer import
//! credits the release it used.

use std::collections::BTreeSet;

use careerdiff_model::Content;

/// What the BLS salary sources start with before their release.
const OEWS_PREFIX: &str = "BLS OEWS ";

pub(crate) fn credits(content: &Content) -> Vec<String> {
    let mut credits = Vec::new();
    let onet: BTreeSet<&str> = content
        .careers
        .iter()
        .filter(|c| c.onet.is_some())
        .map(|c| c.provenance.get("onet").map_or("O*NET", String::as_str))
        .collect();
    if !onet.is_empty() {
        credits.push(format!(
            "This site includes information from {} Database by the U.S. Department of Labor, \
             Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license and \
             modified by careerdiff (some values are derived). O*NET® is a trademark of USDOL/ETA.",
            join(&onet)
        ));
    }
    let bls: BTreeSet<&str> = content
        .careers
        .iter()
        .filter_map(|c| c.salary.as_ref()?.source.as_deref())
        .filter(|s| s.contains("BLS") || s.contains("OEWS"))
        .map(|s| s.strip_prefix(OEWS_PREFIX).unwrap_or(s))
        .collect();
    if !bls.is_empty() {
        credits.push(format!(
            "Wages and employment: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, {}.",
            join(&bls)
        ));
    }
    let cites = |field: &str, marker: &str| {
        content.careers.iter().any(|c| c.provenance.get(field).is_some_and(|source| source.contains(marker)))
    };
    if cites("projected_growth", "Employment Projections") || cites("annual_openings", "Employment Projections") {
        credits.push(
            "Projections, openings and typical entry requirements: U.S. Bureau of Labor Statistics, \
             Employment Projections, 2024–34, and its O*NET-SOC to NEM crosswalk."
                .to_owned(),
        );
    }
    if cites("ai_exposure", "Eloundou") {
        credits.push(
            "AI exposure: T. Eloundou, S. Manning, P. Mishkin and D. Rock, \"GPTs are GPTs: Labor market impact \
             potential of LLMs\", Science 384 (6702), 2024 (arXiv:2303.10130); human-rated β measure. \
             Data © 2024 OpenAI, MIT licence."
                .to_owned(),
        );
    }
    if cites("remote_friendly", "Dingel") {
        credits.push(
            "Remote-work classification: J. I. Dingel and B. Neiman, \"How many jobs can be done at home?\", \
             Journal of Public Economics 189 (2020), 104235, based on O*NET 24.2 data (USDOL/ETA, CC BY 4.0); \
             published under the GNU GPL version 3."
                .to_owned(),
        );
    }
    credits
}

fn join(releases: &BTreeSet<&str>) -> String {
    releases.iter().copied().collect::<Vec<_>>().join(" and ")
}

#[cfg(test)]
mod tests {
    use careerdiff_model::{Career, Content, Onet, Salary};

    use super::credits;

    fn career(onet_release: Option<&str>, salary_source: Option<&str>) -> Career {
        let mut career = Career { slug: "x".into(), title: "X".into(), ..Career::default() };
        if let Some(release) = onet_release {
            career.onet = Some(Onet::default());
            career.provenance.insert("onet".into(), release.into());
        }
        career.salary = salary_source.map(|s| Salary { source: Some(s.into()), ..Salary::default() });
        career
    }

    #[test]
    fn credits_name_the_releases_the_content_was_imported_from() {
        let content = Content {
            careers: vec![career(Some("O*NET 30.1"), Some("BLS OEWS May 2026")), career(None, None)],
            ..Content::default()
        };
        let credits = credits(&content);
        assert_eq!(credits.len(), 2, "{credits:?}");
        assert!(credits[0].contains("from O*NET 30.1 Database") && credits[0].contains("CC BY 4.0"), "{credits:?}");
        assert!(credits[1].ends_with("Wage Statistics, May 2026."), "{credits:?}");
        assert!(!credits.concat().contains("29.2"), "{credits:?}");
    }

    #[test]
    fn each_imported_source_is_credited_once_as_its_licence_asks() {
        let mut imported = career(Some("O*NET 29.2"), Some("BLS OEWS May 2025"));
        for (field, source) in [
            ("projected_growth", "BLS Employment Projections 2024–34, NEM 15-1252"),
            ("ai_exposure", "Eloundou et al. 2024 (GPTs are GPTs), human-rated β"),
            ("remote_friendly", "Dingel & Neiman 2020, O*NET-SOC 2010 15-1132.00"),
        ] {
            imported.provenance.insert(field.into(), source.into());
        }
        let credits = credits(&Content { careers: vec![imported.clone(), imported], ..Content::default() });
        assert_eq!(credits.len(), 5, "{credits:?}");
        assert!(credits[2].contains("Employment Projections, 2024–34"), "{credits:?}");
        assert!(credits[3].contains("Eloundou") && credits[3].contains("MIT licence"), "{credits:?}");
        assert!(credits[4].contains("Dingel and B. Neiman") && credits[4].contains("GPL"), "{credits:?}");
    }

    #[test]
    fn hand_written_careers_need_no_credit() {
        let content = Content { careers: vec![career(None, Some("Company survey 2025"))], ..Content::default() };
        assert!(credits(&content).is_empty());
    }
}
