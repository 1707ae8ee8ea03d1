//! Time expressions: recognition and TIMEX3 normalization anchored on the article date.
