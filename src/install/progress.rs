//! Progress of install and uninstall: the events the library emits, and [`ProgressLog`], the pure model that
//! turns them into upstream's lines (`- Processing resources for Istiod. Waiting for ...`,
//! `✔ Istiod installed 🧠`, `✔ Installation complete`). The CLI only draws what the model returns.

use std::collections::BTreeMap;

use crate::render::ComponentName;

/// Something that happened during install, prune or uninstall.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A component started applying its objects.
    ComponentStarted(ComponentName),
    /// A component is waiting for these objects (upstream's ids, e.g. `Deployment/istio-system/istiod`).
    Waiting { component: ComponentName, resources: Vec<String> },
    /// A component's objects are applied and ready.
    ComponentInstalled(ComponentName),
    /// A component failed.
    ComponentFailed { component: ComponentName, error: String },
    /// Prune of objects no longer rendered started.
    Pruning,
    /// A line for stdout (prune and uninstall report each object they remove this way).
    Report(String),
    /// A warning line for stderr.
    Warning(String),
    /// Every component is installed and pruned.
    InstallComplete,
    /// Uninstall finished.
    UninstallComplete,
}

/// How upstream names a component to the user.
pub fn display_name(component: ComponentName) -> &'static str {
    match component {
        ComponentName::Base => "Istio core",
        ComponentName::Pilot => "Istiod",
        ComponentName::IngressGateways => "Ingress gateways",
        ComponentName::EgressGateways => "Egress gateways",
        ComponentName::Cni => "CNI",
        ComponentName::Ztunnel => "Ztunnel",
    }
}

/// The icon upstream prints after a component is installed.
pub fn icon(component: ComponentName) -> &'static str {
    match component {
        ComponentName::Base => "⛵️",
        ComponentName::Pilot => "🧠",
        ComponentName::IngressGateways => "🛬",
        ComponentName::EgressGateways => "🛫",
        ComponentName::Cni => "🪢",
        ComponentName::Ztunnel => "🔒",
    }
}

/// What to draw for one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// The status line (stderr): replaces the previous status line on a terminal. Without the `- ` prefix,
    /// which the drawer adds (a spinner on a terminal, a plain `- ` elsewhere).
    Status(String),
    /// A finished line (stderr), kept on screen.
    Done(String),
    /// A line for stdout.
    Stdout(String),
}

/// The progress state upstream's progress log keeps: the components in progress and what each waits for.
#[derive(Debug, Default)]
pub struct ProgressLog {
    running: BTreeMap<ComponentName, Vec<String>>,
}

impl ProgressLog {
    /// A log with nothing in progress.
    pub fn new() -> Self {
        Self::default()
    }

    /// The status line for the components in progress.
    fn status(&self) -> Line {
        let mut names: Vec<&str> = self.running.keys().map(|c| display_name(*c)).collect();
        names.sort_unstable();
        let mut waiting: Vec<&str> = self.running.values().flatten().map(String::as_str).collect();
        waiting.sort_unstable();
        let mut msg = format!("Processing resources for {}.", names.join(", "));
        if !waiting.is_empty() {
            msg.push_str(&format!(" Waiting for {}", waiting.join(", ")));
        }
        Line::Status(msg)
    }

    /// Updates the state with one event and returns what to draw.
    pub fn handle(&mut self, event: &Event) -> Vec<Line> {
        match event {
            Event::ComponentStarted(c) => {
                self.running.insert(*c, Vec::new());
                vec![self.status()]
            }
            Event::Waiting { component, resources } => {
                self.running.insert(*component, resources.clone());
                vec![self.status()]
            }
            Event::ComponentInstalled(c) => {
                self.running.remove(c);
                self.after_done(format!("✔ {} installed {}", display_name(*c), icon(*c)))
            }
            Event::ComponentFailed { component, error } => {
                self.running.remove(component);
                self.after_done(format!("✘ {} encountered an error: {error}", display_name(*component)))
            }
            Event::Pruning => vec![Line::Status("Pruning removed resources".to_string())],
            Event::Report(line) => vec![Line::Stdout(line.clone())],
            Event::Warning(line) => vec![Line::Done(line.clone())],
            Event::InstallComplete => vec![Line::Done("✔ Installation complete".to_string())],
            Event::UninstallComplete => vec![Line::Done("✔ Uninstall complete".to_string())],
        }
    }

    /// A finished line, then the status of what is still running.
    fn after_done(&self, done: String) -> Vec<Line> {
        let mut lines = vec![Line::Done(done)];
        if !self.running.is_empty() {
            lines.push(self.status());
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_follow_upstream() {
        let mut log = ProgressLog::new();
        assert_eq!(
            log.handle(&Event::ComponentStarted(ComponentName::Pilot)),
            [Line::Status("Processing resources for Istiod.".into())]
        );
        log.handle(&Event::ComponentStarted(ComponentName::Cni));
        assert_eq!(
            log.handle(&Event::Waiting {
                component: ComponentName::Pilot,
                resources: vec!["Deployment/istio-system/istiod".into()]
            }),
            [Line::Status("Processing resources for CNI, Istiod. Waiting for Deployment/istio-system/istiod".into())]
        );
        assert_eq!(
            log.handle(&Event::ComponentInstalled(ComponentName::Cni)),
            [
                Line::Done("✔ CNI installed 🪢".into()),
                Line::Status("Processing resources for Istiod. Waiting for Deployment/istio-system/istiod".into())
            ]
        );
        assert_eq!(
            log.handle(&Event::ComponentFailed { component: ComponentName::Pilot, error: "boom".into() }),
            [Line::Done("✘ Istiod encountered an error: boom".into())]
        );
        assert_eq!(log.handle(&Event::InstallComplete), [Line::Done("✔ Installation complete".into())]);
    }

    #[test]
    fn every_component_has_upstream_name_and_icon() {
        let lines: Vec<String> = [
            ComponentName::Base,
            ComponentName::Pilot,
            ComponentName::IngressGateways,
            ComponentName::EgressGateways,
            ComponentName::Cni,
            ComponentName::Ztunnel,
        ]
        .iter()
        .map(|c| format!("✔ {} installed {}", display_name(*c), icon(*c)))
        .collect();
        assert_eq!(
            lines,
            [
                "✔ Istio core installed ⛵️",
                "✔ Istiod installed 🧠",
                "✔ Ingress gateways installed 🛬",
                "✔ Egress gateways installed 🛫",
                "✔ CNI installed 🪢",
                "✔ Ztunnel installed 🔒"
            ]
        );
    }
}
