//! Within-article merging: the same event reported several times is one event.

use chronicle_doc::Event;

/// Merges events with the same (source actor, target actor, code, date): the first report
/// is kept, with its mention count raised for each repeat.
pub(crate) fn merge(events: Vec<Event>) -> Vec<Event> {
    let mut merged: Vec<Event> = Vec::with_capacity(events.len());
    for event in events {
        let key = |e: &Event| {
            (
                e.source.as_ref().and_then(|a| a.actor.clone()),
                e.target.as_ref().and_then(|a| a.actor.clone()),
                e.cameo.clone(),
                e.date,
            )
        };
        match merged.iter_mut().find(|m| key(m) == key(&event)) {
            Some(first) => first.mentions += event.mentions,
            None => merged.push(event),
        }
    }
    merged
}
