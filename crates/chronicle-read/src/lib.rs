//! Streaming readers: wire-format articles, JSON Lines, directories, .gz and stdin, with clear rejects.
