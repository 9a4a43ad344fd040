//! Reading a term's points straight from the index's postings: in each
//! field, tantivy's BM25 term-frequency part on each document's term
//! frequency and length, times the field's boost; of the fields, the best
//! (a disjunction-max, as multi-field search engines combine fields, so a
//! word named in two fields does not count twice: Solar Energy Systems
//! Engineers list "Python" and "Python Tools for Visual Studio", and were
//! second for "python"); times one idf, how rare the term is among careers
//! wherever it appears. (An idf per field would make a word rare in one
//! field count for more there, so "nurse" in one tool name, "Nurse
//! tanks", outscored "nurse" in a nurse aide's title, which dozens of
//! titles share.) One lookup serves a query; one walk of every term
//! dictionary serves the static index — the same arithmetic, so the
//! browser's numbers are the terminal's to the hundredth.

use std::collections::{BTreeMap, HashMap};

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, TermInfo};
use tantivy::query::{Bm25StatisticsProvider, Bm25Weight};
use tantivy::schema::{self, IndexRecordOption};
use tantivy::{DocSet, InvertedIndexReader, Score, SegmentReader, TERMINATED, Term};

use crate::document::Field;
use crate::{SearchError, SearchIndex};

/// How much more a match of two query terms side by side counts than a
/// match of one term in the same field.
pub(crate) const PHRASE_BOOST: f32 = 3.0;

/// Points per career (its best field's), before the idf and rounding.
type Sums = HashMap<usize, f32>;

impl SearchIndex {
    /// The points `term` earns each career that holds it, best first, in
    /// whole hundredths.
    pub(crate) fn term_points(&self, term: &str) -> Result<Vec<(usize, i64)>, SearchError> {
        let mut sums = Sums::new();
        for &(field, handle) in &self.fields.text {
            let stats = self.field_stats(handle)?;
            for (segment_ord, segment) in self.searcher.segment_readers().iter().enumerate() {
                let inverted = segment.inverted_index(handle)?;
                if let Some(info) = inverted.get_term_info(&Term::from_field_text(handle, term))? {
                    let scorer = FieldScorer::new(self, segment_ord, (field, handle), stats)?;
                    scorer.add(&inverted, term, &info, &mut sums)?;
                }
            }
        }
        Ok(rounded(sums, self.career_count()?, &self.prominence))
    }

    /// Every term's points, by term, each list best first.
    pub(crate) fn all_term_points(&self) -> Result<BTreeMap<String, Vec<(usize, i64)>>, SearchError> {
        let mut all: BTreeMap<String, Sums> = BTreeMap::new();
        for &(field, handle) in &self.fields.text {
            let stats = self.field_stats(handle)?;
            for (segment_ord, segment) in self.searcher.segment_readers().iter().enumerate() {
                let inverted = segment.inverted_index(handle)?;
                let scorer = FieldScorer::new(self, segment_ord, (field, handle), stats)?;
                let mut stream = inverted.terms().stream()?;
                while stream.advance() {
                    let Ok(term) = std::str::from_utf8(stream.key()) else { continue };
                    let sums = all.entry(term.to_owned()).or_default();
                    scorer.add(&inverted, term, stream.value(), sums)?;
                }
            }
        }
        let careers = self.career_count()?;
        Ok(all.into_iter().map(|(term, sums)| (term, rounded(sums, careers, &self.prominence))).collect())
    }

    /// How many careers the index holds (one document each).
    fn career_count(&self) -> Result<u64, SearchError> {
        Ok(Bm25StatisticsProvider::total_num_docs(&self.searcher)?)
    }

    /// The whole index's statistics of a field that BM25 reads: the number
    /// of documents and the field's average length in terms, as tantivy's
    /// `Bm25Weight::for_terms` computes them.
    fn field_stats(&self, handle: schema::Field) -> Result<FieldStats, SearchError> {
        let docs = self.career_count()?;
        let tokens = Bm25StatisticsProvider::total_num_tokens(&self.searcher, handle)?;
        Ok(FieldStats { docs, average_length: tokens as Score / docs as Score })
    }
}

#[derive(Clone, Copy)]
struct FieldStats {
    docs: u64,
    average_length: Score,
}

/// BM25's idf of a term that `doc_freq` of `docs` documents hold, as
/// tantivy computes it.
fn idf(doc_freq: u64, docs: u64) -> Score {
    let x = (docs.saturating_sub(doc_freq) as Score + 0.5) / (doc_freq as Score + 0.5);
    (1.0 + x).ln()
}

/// Scores the terms of one field in one segment: tantivy's BM25 on each
/// document's term frequency and length, with an idf of 1, times the
/// field's boost (the idf is the career's, applied by [`rounded`]).
struct FieldScorer<'i> {
    /// The weight of a word and of a pair of words ([`PHRASE_BOOST`]):
    /// with the idf divided out, one per field serves every term.
    weights: [Bm25Weight; 2],
    norms: FieldNormReader,
    careers: &'i [usize],
}

impl<'i> FieldScorer<'i> {
    fn new(
        index: &'i SearchIndex,
        segment_ord: usize,
        (field, handle): (Field, schema::Field),
        stats: FieldStats,
    ) -> Result<Self, SearchError> {
        let segments = index.searcher.segment_readers();
        let segment: &SegmentReader = &segments[segment_ord];
        let norms = segment
            .fieldnorms_readers()
            .get_field(handle)?
            .unwrap_or_else(|| FieldNormReader::constant(segment.max_doc(), 1));
        let careers = &index.careers_by_doc[segment_ord];
        // tantivy's weight for some document frequency, its idf divided
        // out: the term-frequency part alone, times the boost.
        let (docs, average_length) = (stats.docs, stats.average_length);
        let weight = |boost: Score| {
            Bm25Weight::for_one_term_without_explain(0, docs, average_length).boost_by(boost / idf(0, docs))
        };
        let weights = [weight(field.boost()), weight(field.boost() * PHRASE_BOOST)];
        Ok(FieldScorer { weights, norms, careers })
    }

    /// Keeps in `sums` each career's best points for `term` (whose
    /// dictionary entry is `info`): this field's, if better.
    fn add(
        &self,
        inverted: &InvertedIndexReader,
        term: &str,
        info: &TermInfo,
        sums: &mut Sums,
    ) -> Result<(), SearchError> {
        let weight = &self.weights[usize::from(term.contains(' '))];
        let mut postings = inverted.read_postings_from_terminfo(info, IndexRecordOption::WithFreqs)?;
        let mut doc = postings.doc();
        while doc != TERMINATED {
            let score = weight.score(self.norms.fieldnorm_id(doc), postings.term_freq());
            let best = sums.entry(self.careers[doc as usize]).or_default();
            *best = best.max(score);
            doc = postings.advance();
        }
        Ok(())
    }
}

/// `sums` times the idf of a term that they hold of `careers` careers, in
/// whole hundredths, best first, ties as results break them: by
/// `prominence` (see [`SearchIndex::prominence`]). The first
/// [`crate::query::REASONED_POSTINGS`] of a list carry the reason they
/// match, so a tie broken otherwise here left the first results of a
/// query without one (133 careers list Python as in demand, and Software
/// Developers, first of them, had no reason).
fn rounded(sums: Sums, careers: u64, prominence: &[u32]) -> Vec<(usize, i64)> {
    let idf = idf(sums.len() as u64, careers);
    let mut list: Vec<(usize, i64)> =
        sums.into_iter().map(|(career, sum)| (career, (f64::from(sum * idf) * 100.0).round() as i64)).collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(prominence[a.0].cmp(&prominence[b.0])));
    list
}
