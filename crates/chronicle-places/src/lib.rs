//! Offline geocoding of place mentions against a GeoNames gazetteer, and GDELT-style tone.
