//! Actor dictionaries (countries, organizations, office-holders, roles), actor resolution and coreference.
