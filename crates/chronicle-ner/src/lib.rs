//! Named-entity recognizer (person, organization, place, misc), trained by Chronicle.
