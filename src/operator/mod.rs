//! The IstioOperator front end: model, profiles, merge, `--set`, validation, translation to chart values.
