//! Tokenizer and sentence splitter for English news, with byte offsets.
