//! Per-career vectors for the similarity score, computed once in
//! [`crate::prepare::Prepared`].

use careerdiff_model::Content;

use crate::text::{TextVector, tf_idf};

/// One career's similarity signals.
pub(crate) struct Signals {
    /// TF-IDF of its task statements and description (summary and body).
    pub task_text: TextVector,
}

/// Every career's signals, in career order.
pub(crate) fn prepare(content: &Content) -> Vec<Signals> {
    let task_text = tf_idf(
        &content.careers,
        |career| career.tasks.iter().chain(&career.summary).chain([&career.body]).cloned().collect(),
        None,
    );
    task_text.into_iter().map(|task_text| Signals { task_text }).collect()
}
