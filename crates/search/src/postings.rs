//! Reading a term's points straight from the index's postings: for each
//! field, tantivy's BM25 weight of the term (its own statistics, as a
//! `TermQuery` computes them) times the field's boost, scored on each
//! document's term frequency and length, summed over fields in field
//! order. One lookup serves a query; one walk of every term dictionary
//! serves the static index — the same arithmetic, so the browser's numbers
//! are the terminal's to the hundredth.

use std::collections::{BTreeMap, HashMap};

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, TermInfo};
use tantivy::query::Bm25Weight;
use tantivy::schema::{self, IndexRecordOption};
use tantivy::{DocSet, InvertedIndexReader, SegmentReader, TERMINATED, Term};

use crate::document::Field;
use crate::{SearchError, SearchIndex};

/// How much more a match of two query terms side by side counts than a
/// match of one term in the same field.
pub(crate) const PHRASE_BOOST: f32 = 3.0;

/// Points per career, before rounding.
type Sums = HashMap<usize, f32>;

impl SearchIndex {
    /// The points `term` earns each career that holds it, best first, in
    /// whole hundredths.
    pub(crate) fn term_points(&self, term: &str) -> Result<Vec<(usize, i64)>, SearchError> {
        let mut sums = Sums::new();
        for &(field, handle) in &self.fields.text {
            for (segment_ord, segment) in self.searcher.segment_readers().iter().enumerate() {
                let inverted = segment.inverted_index(handle)?;
                if let Some(info) = inverted.get_term_info(&Term::from_field_text(handle, term))? {
                    self.add(segment_ord, segment, &inverted, (field, handle), term, &info, &mut sums)?;
                }
            }
        }
        Ok(rounded(sums))
    }

    /// Every term's points, by term, each list best first.
    pub(crate) fn all_term_points(&self) -> Result<BTreeMap<String, Vec<(usize, i64)>>, SearchError> {
        let mut all: BTreeMap<String, Sums> = BTreeMap::new();
        for &(field, handle) in &self.fields.text {
            for (segment_ord, segment) in self.searcher.segment_readers().iter().enumerate() {
                let inverted = segment.inverted_index(handle)?;
                let mut stream = inverted.terms().stream()?;
                while stream.advance() {
                    let Ok(term) = std::str::from_utf8(stream.key()) else { continue };
                    let sums = all.entry(term.to_owned()).or_default();
                    self.add(segment_ord, segment, &inverted, (field, handle), term, stream.value(), sums)?;
                }
            }
        }
        Ok(all.into_iter().map(|(term, sums)| (term, rounded(sums))).collect())
    }

    /// Adds the points of `term` in one field of one segment to `sums`.
    #[allow(clippy::too_many_arguments)]
    fn add(
        &self,
        segment_ord: usize,
        segment: &SegmentReader,
        inverted: &InvertedIndexReader,
        (field, handle): (Field, schema::Field),
        term: &str,
        info: &TermInfo,
        sums: &mut Sums,
    ) -> Result<(), SearchError> {
        let boost = if term.contains(' ') { field.boost() * PHRASE_BOOST } else { field.boost() };
        let weight = Bm25Weight::for_terms(&self.searcher, &[Term::from_field_text(handle, term)])?.boost_by(boost);
        let norms = segment
            .fieldnorms_readers()
            .get_field(handle)?
            .unwrap_or_else(|| FieldNormReader::constant(segment.max_doc(), 1));
        let mut postings = inverted.read_postings_from_terminfo(info, IndexRecordOption::WithFreqs)?;
        let careers = &self.careers_by_doc[segment_ord];
        let mut doc = postings.doc();
        while doc != TERMINATED {
            let score = weight.score(norms.fieldnorm_id(doc), postings.term_freq());
            *sums.entry(careers[doc as usize]).or_default() += score;
            doc = postings.advance();
        }
        Ok(())
    }
}

/// `sums` in whole hundredths, best first, ties by career position.
fn rounded(sums: Sums) -> Vec<(usize, i64)> {
    let mut list: Vec<(usize, i64)> =
        sums.into_iter().map(|(career, sum)| (career, (f64::from(sum) * 100.0).round() as i64)).collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list
}
