//! CAMEO and PLOVER event coding.
//!
//! The [`Ontology`] is the CAMEO event code table — every code with its name, Goldstein value,
//! root, quad class and PLOVER type — loaded from `data/events/cameo.tsv` and validated when
//! it is built.

mod ontology;

pub use ontology::{EventType, Ontology};
