//! Document to JSON record: the record contract, with code-point offsets.
