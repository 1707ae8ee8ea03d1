//! Part-of-speech tagger, lemmatizer and dependency parser, trained by Chronicle.
