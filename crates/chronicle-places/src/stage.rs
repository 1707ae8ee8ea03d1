//! The `places` stage and the lookup the event stage uses.

use chronicle_doc::{DataError, Document, Layers, Place, Span, Stage};

use crate::gazetteer::Gazetteer;
use crate::{candidates, home, rank};

/// Finds and geocodes place mentions: fills [`Document::places`].
///
/// Uses NER's `place` entities (and country/capital metonyms among organizations) when the
/// entities layer is filled, plus a capitalization-based gazetteer scanner: on its own when
/// there are no entities, else only at cue words and datelines.
#[derive(Debug)]
pub struct PlaceStage {
    gazetteer: &'static Gazetteer,
}

impl PlaceStage {
    /// Loads (once per process) and validates the embedded gazetteer.
    pub fn new() -> Result<PlaceStage, DataError> {
        Ok(PlaceStage {
            gazetteer: Gazetteer::embedded()?,
        })
    }

    pub fn gazetteer(&self) -> &'static Gazetteer {
        self.gazetteer
    }
}

impl Stage for PlaceStage {
    fn name(&self) -> &'static str {
        "places"
    }

    fn requires(&self) -> Layers {
        Layers::TOKENS | Layers::SENTENCES
    }

    fn assigns(&self) -> Layers {
        Layers::PLACES
    }

    fn run(&self, doc: &mut Document) {
        let gaz = self.gazetteer;
        let cands = candidates::find(doc, gaz);
        let home = home::from_source(doc.meta.source.as_deref(), &cands);
        let chosen = rank::resolve(&cands, gaz, &home);
        let anchors = rank::county_anchors(&cands, &chosen, gaz);
        let streets = rank::street_anchors(&cands, &chosen, gaz);
        let places = cands
            .iter()
            .zip(chosen)
            .zip(anchors)
            .zip(streets)
            .filter_map(|(((c, pick), anchor), street)| {
                // A street is at the town nearest to it in the text: that town's country and point.
                if c.street {
                    let at = gaz.entry(street?);
                    return Some(Place {
                        span: c.span,
                        name: doc.slice(c.span).to_string(),
                        country: (!at.country.is_empty()).then(|| at.country.to_string()),
                        lat: Some(at.lat),
                        lon: Some(at.lon),
                        feature: Some("street".to_string()),
                        geonameid: None,
                    });
                }
                let e = gaz.entry(pick?);
                // A county is located by its namesake town or its state, but it is neither:
                // it keeps its own name and no GeoNames id.
                let (name, feature, geonameid) = if c.unit {
                    (doc.slice(c.span).to_string(), "county", None)
                } else if c.landform {
                    // A valley, bay or township named after the place: near it, not it.
                    (doc.slice(c.span).to_string(), "area", None)
                } else {
                    (e.name.to_string(), e.feature.as_str(), e.geonameid)
                };
                // A listed county has no point of its own: a town of its state the article names.
                let at = anchor.map_or(e, |id| gaz.entry(id));
                Some(Place {
                    span: c.span,
                    name,
                    country: (!e.country.is_empty()).then(|| e.country.to_string()),
                    lat: Some(at.lat),
                    lon: Some(at.lon),
                    feature: Some(feature.to_string()),
                    geonameid,
                })
            })
            .collect();
        doc.places = places;
        doc.mark_done(Layers::PLACES);
    }
}

/// The place mention at `span`: one with exactly that span, else the first that overlaps it.
/// For the event stage, which asks "where is this location phrase?".
pub fn place_for_span(doc: &Document, span: Span) -> Option<&Place> {
    let places = &doc.places;
    // Places are sorted by start; only those starting before span.end can overlap.
    let upto = places.partition_point(|p| p.span.start < span.end.max(span.start + 1));
    let near = &places[..upto];
    near.iter().find(|p| p.span == span).or_else(|| {
        near.iter()
            .find(|p| p.span.overlaps(span) || (span.is_empty() && p.span.contains(span)))
    })
}
