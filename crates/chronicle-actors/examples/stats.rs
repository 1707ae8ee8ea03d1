//! Prints what the shipped dictionaries hold (for docs/results/actors.md).
//!
//! `cargo run -p chronicle-actors --example stats`

use chronicle_actors::dictionary::MetonymKind;
use chronicle_actors::ActorStage;

fn main() {
    let stage = ActorStage::new().expect("dictionaries load");
    let d = stage.dictionary();
    let historical = d.countries.iter().filter(|c| c.from.is_some()).count();
    println!("countries: {} ({} historical)", d.countries.len(), historical);
    println!(
        "country names: {}, adjectives: {}",
        d.countries.iter().map(|c| c.names.len()).sum::<usize>(),
        d.countries.iter().map(|c| c.adjectives.len()).sum::<usize>()
    );
    for (kind, label) in [
        (MetonymKind::Name, "name"),
        (MetonymKind::Adjective, "adjective"),
        (MetonymKind::People, "people"),
        (MetonymKind::Capital, "capital"),
        (MetonymKind::Seat, "seat"),
        (MetonymKind::Canonical, "canonical"),
    ] {
        let n = d.metonyms.iter().filter(|m| m.kind == kind).count();
        println!("metonyms {label}: {n}");
    }
    println!(
        "organizations: {} rows, {} surfaces",
        d.organizations.len(),
        d.organizations.iter().map(|o| o.surfaces().count()).sum::<usize>()
    );
    println!("people: {}, terms: {}", d.people.len(), d.term_count());
    println!("roles: {}", d.roles.len());
    println!("automaton patterns: {}", stage.matcher().pattern_count());
}
