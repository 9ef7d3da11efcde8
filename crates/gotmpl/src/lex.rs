//! Lexer for Go template text (stub).
