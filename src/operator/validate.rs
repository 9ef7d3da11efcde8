//! Validation of a merged IstioOperator tree: the schema (IstioOperator, Helm values, MeshConfig, Kubernetes types)
//! and the semantic rules of upstream `operator/pkg/apis/validation`, plus the mesh TLS rules upstream drops.

use serde_json::Value;

use super::path::FieldPath;
use super::schema::{Finding, registry};
use super::tls::check_mesh_tls;
use super::tree::go_fmt_v;

/// Every finding for a merged IstioOperator (errors and warnings), schema first.
pub(crate) fn validate(iop: &Value) -> Result<Vec<Finding>, String> {
    let reg = registry()?;
    let root = reg.ty("iop::IstioOperator").ok_or("missing iop::IstioOperator")?;
    let mut out = Vec::new();
    reg.check(iop, &root, &mut FieldPath::default(), &mut out);
    let spec = iop.get("spec").unwrap_or(&Value::Null);
    let at = |keys: &[&str]| FieldPath::keys(["spec"].iter().chain(keys).copied());

    check_hub(spec.get("hub"), &at(&["hub"]), &mut out);
    check_tag(spec.get("tag"), &at(&["tag"]), &mut out);
    check_revision(spec.get("revision"), &at(&["revision"]), &mut out);
    let values = spec.get("values").unwrap_or(&Value::Null);
    if spec.get("revision").and_then(Value::as_str) != values.get("revision").and_then(Value::as_str) {
        check_revision(values.get("revision"), &at(&["values", "revision"]), &mut out);
    }
    let components = spec.get("components").unwrap_or(&Value::Null);
    for comp in ["pilot", "cni", "ztunnel", "istiodRemote"] {
        if let Some(c) = components.get(comp) {
            check_hub(c.get("hub"), &at(&["components", comp, "hub"]), &mut out);
            check_tag(c.get("tag"), &at(&["components", comp, "tag"]), &mut out);
        }
    }
    for (list, gw_values) in [("ingressGateways", "istio-ingressgateway"), ("egressGateways", "istio-egressgateway")] {
        let Some(Value::Array(gws)) = components.get(list) else { continue };
        let gw_vals = values.get("gateways").and_then(|g| g.get(gw_values)).unwrap_or(&Value::Null);
        let run_as_root = gw_vals.get("runAsRoot").and_then(Value::as_bool).unwrap_or(false);
        let autoscale = gw_vals.get("autoscaleEnabled").and_then(Value::as_bool).unwrap_or(false);
        for (i, gw) in gws.iter().enumerate() {
            let mut p = at(&["components", list]);
            p.push_index(i);
            let gw_at = |k: &str| {
                let mut q = p.clone();
                q.push_key(k);
                q
            };
            check_hub(gw.get("hub"), &gw_at("hub"), &mut out);
            check_tag(gw.get("tag"), &gw_at("tag"), &mut out);
            let name = gw.get("name").and_then(Value::as_str).unwrap_or_default();
            if !name.is_empty() && !gateway_name_ok(name) {
                out.push(Finding::error(
                    &gw_at("name"),
                    format!("invalid gateway name {name:?}: use 1 to 254 characters from a-z, 0-9, '.' and '-'"),
                ));
            }
            if !run_as_root {
                check_gateway_ports(gw, name, gw_values, &gw_at("k8s"), &mut out);
            }
            if autoscale && gw.pointer("/k8s/replicaCount").and_then(Value::as_u64).is_some_and(|n| n != 0) {
                let mut q = gw_at("k8s");
                q.push_key("replicaCount");
                out.push(Finding::warning(
                    &q,
                    format!("replicaCount should not be set when values.gateways.{gw_values}.autoscaleEnabled is true"),
                ));
            }
        }
    }
    if values.pointer("/pilot/autoscaleEnabled").and_then(Value::as_bool) == Some(true)
        && components.pointer("/pilot/k8s/replicaCount").and_then(Value::as_u64).is_some_and(|n| n > 1)
    {
        out.push(Finding::warning(
            &at(&["components", "pilot", "k8s", "replicaCount"]),
            "replicaCount should not be set when values.pilot.autoscaleEnabled is true".into(),
        ));
    }
    check_ingress_ports(values, &at(&["values", "gateways", "istio-ingressgateway", "ingressPorts"]), &mut out);
    for key in ["includeIPRanges", "excludeIPRanges"] {
        if let Some(Value::String(s)) = values.pointer(&format!("/global/proxy/{key}")) {
            check_cidrs(s, &at(&["values", "global", "proxy", key]), &mut out);
        }
    }
    for key in ["includeInboundPorts", "excludeInboundPorts"] {
        if let Some(Value::String(s)) = values.pointer(&format!("/global/proxy/{key}")) {
            check_ports(s, &at(&["values", "global", "proxy", key]), &mut out);
        }
    }
    for (mesh, p) in
        [(spec.get("meshConfig"), at(&["meshConfig"])), (values.get("meshConfig"), at(&["values", "meshConfig"]))]
    {
        if let Some(mesh) = mesh.filter(|m| m.is_object()) {
            check_mesh_tls(mesh, &p, &mut out);
            check_mesh_ports(mesh, &p, &mut out);
        }
    }
    Ok(out)
}

/// Hub: a registry (host[:port]) and/or repository path, as go-containerregistry accepts for `<hub>/pilot`.
fn check_hub(hub: Option<&Value>, p: &FieldPath, out: &mut Vec<Finding>) {
    let Some(Value::String(hub)) = hub else { return };
    if hub.is_empty() {
        return;
    }
    if let Err(why) = hub_error(hub) {
        out.push(Finding::error(p, format!("bad hub {hub:?}: {why}")));
    }
}

fn hub_error(hub: &str) -> Result<(), String> {
    let repo_chars = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "_-./".contains(c);
    let full = format!("{hub}/pilot");
    let (registry, repo) = match full.split_once('/') {
        Some((first, rest)) if first.contains(['.', ':']) => (first, rest),
        _ => ("", full.as_str()),
    };
    if !repo.chars().all(repo_chars) {
        return Err(format!(
            "the repository part may only use lowercase letters, digits and _ - . / (got {:?})",
            repo.trim_end_matches("/pilot")
        ));
    }
    if repo.chars().count() > 255 {
        return Err("the repository path is longer than 255 characters".into());
    }
    let host_ok = |h: &str| !h.is_empty() && h.chars().all(|c| c.is_ascii_alphanumeric() || "-._".contains(c));
    let registry_ok = registry.is_empty()
        || match registry.rsplit_once(':') {
            Some((host, port)) if !host.starts_with('[') => host_ok(host) && port.chars().all(|c| c.is_ascii_digit()),
            _ => host_ok(registry) || (registry.starts_with('[') && registry.contains(']')),
        };
    if !registry_ok {
        return Err(format!("the registry {registry:?} is not a valid host[:port]"));
    }
    Ok(())
}

/// Tag: 1 to 128 characters from A-Z a-z 0-9 _ . - (rendered with Go's `%v` when not a string).
fn check_tag(tag: Option<&Value>, p: &FieldPath, out: &mut Vec<Finding>) {
    let Some(tag) = tag.filter(|t| !t.is_null()) else { return };
    if tag.is_object() || tag.is_array() {
        let found = super::schema::describe(tag);
        out.push(Finding::error(p, format!("bad tag: expected a string or a number, found {found}")));
        return;
    }
    let text = go_fmt_v(tag);
    let ok = (1..=128).contains(&text.chars().count())
        && text.chars().all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c));
    if !ok {
        out.push(Finding::error(
            p,
            format!("bad tag {text:?}: use 1 to 128 characters from A-Z, a-z, 0-9, '_', '.' and '-'"),
        ));
    }
}

/// Whether `s` is a DNS-1123 label: at most 63 of a-z 0-9 '-', starting and ending alphanumeric.
/// Whether `s` is a DNS-1123 label (revision names must be one).
pub fn is_dns1123_label(s: &str) -> bool {
    let alnum = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit();
    !s.is_empty()
        && s.len() <= 63
        && s.chars().all(|c| alnum(c) || c == '-')
        && s.starts_with(alnum)
        && s.ends_with(alnum)
}

fn check_revision(rev: Option<&Value>, p: &FieldPath, out: &mut Vec<Finding>) {
    let Some(Value::String(rev)) = rev else { return };
    if !rev.is_empty() && !is_dns1123_label(rev) {
        out.push(Finding::error(
            p,
            format!(
                "invalid revision specified: {rev:?}; a revision must be a DNS-1123 label: at most 63 characters \
                 from a-z, 0-9 and '-', starting and ending with a letter or digit"
            ),
        ));
    }
}

fn gateway_name_ok(name: &str) -> bool {
    (1..=254).contains(&name.len())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-".contains(c))
}

/// Gateway service ports whose target port is privileged need `runAsRoot` (upstream `validateGateways`).
fn check_gateway_ports(gw: &Value, name: &str, gw_values: &str, k8s: &FieldPath, out: &mut Vec<Finding>) {
    let Some(Value::Array(ports)) = gw.pointer("/k8s/service/ports") else { return };
    for (i, port) in ports.iter().enumerate() {
        let target = match port.get("targetPort") {
            Some(Value::String(_)) => continue,
            Some(v) => v.as_i64().unwrap_or(0),
            None => 0,
        };
        let number = port.get("port").and_then(Value::as_i64).unwrap_or(0);
        if (target == 0 && number > 1024) || target >= 1024 {
            continue;
        }
        let mut p = k8s.clone();
        for k in ["service", "ports"] {
            p.push_key(k);
        }
        p.push_index(i);
        p.push_key("targetPort");
        let port_name = port.get("name").and_then(Value::as_str).unwrap_or_default();
        out.push(Finding::error(
            &p,
            format!(
                "port {port_name}/{number} in gateway {name} invalid: targetPort is set to {target}, which requires \
                 root. Set targetPort to be greater than 1024 or configure values.gateways.{gw_values}.runAsRoot=true"
            ),
        ));
    }
}

/// The legacy `values.gateways.istio-ingressgateway.ingressPorts` form (upstream `checkServicePorts`).
fn check_ingress_ports(values: &Value, p: &FieldPath, out: &mut Vec<Finding>) {
    let gw = values.pointer("/gateways/istio-ingressgateway").unwrap_or(&Value::Null);
    if gw.get("runAsRoot").and_then(Value::as_bool) == Some(true) {
        return;
    }
    let Some(Value::Array(ports)) = gw.get("ingressPorts") else { return };
    for (i, port) in ports.iter().enumerate() {
        let target = match port.get("targetPort") {
            None | Some(Value::Null) => 0,
            Some(v) => match v.as_f64() {
                Some(t) => t as i64,
                None => continue,
            },
        };
        let Some(number) = port.get("port").and_then(Value::as_f64).map(|n| n as i64) else { continue };
        if (target == 0 && number > 1024) || target >= 1024 {
            continue;
        }
        let mut q = p.clone();
        q.push_index(i);
        out.push(Finding::error(
            &q,
            format!(
                "port {number} is invalid: targetPort is set to {target}, which requires root. Set targetPort to be \
                 greater than 1024 or configure values.gateways.istio-ingressgateway.runAsRoot=true"
            ),
        ));
    }
}

/// `*`, empty, or a comma-separated list of CIDRs.
fn check_cidrs(s: &str, p: &FieldPath, out: &mut Vec<Finding>) {
    if s == "*" || s.is_empty() {
        return;
    }
    for part in s.split(',') {
        if let Err(why) = cidr_error(part) {
            out.push(Finding::error(
                p,
                format!("invalid CIDR {part:?}: {why}; expected \"*\", \"\" or a comma-separated list such as 10.0.0.0/8,fd00::/8"),
            ));
        }
    }
}

fn cidr_error(s: &str) -> Result<(), String> {
    let (addr, bits) = s.split_once('/').ok_or("no '/'")?;
    let ip: std::net::IpAddr = addr.parse().map_err(|_| format!("{addr:?} is not an IP address"))?;
    let max = if ip.is_ipv4() { 32 } else { 128 };
    let valid_bits =
        !bits.is_empty() && bits.chars().all(|c| c.is_ascii_digit()) && !(bits.len() > 1 && bits.starts_with('0'));
    match bits.parse::<u32>() {
        Ok(b) if valid_bits && b <= max => Ok(()),
        Ok(_) if valid_bits => Err("prefix length out of range".into()),
        _ => Err(format!("bad prefix length {bits:?}")),
    }
}

/// `*`, empty, or a comma-separated list of port numbers 0..65535.
fn check_ports(s: &str, p: &FieldPath, out: &mut Vec<Finding>) {
    for part in s.split(',') {
        if part == "*" || part.is_empty() {
            continue;
        }
        match part.parse::<i64>() {
            Ok(n) if (0..=65535).contains(&n) => {}
            Ok(n) => out.push(Finding::error(p, format!("port {n} falls outside range [0, 65535]"))),
            Err(_) => out.push(Finding::error(
                p,
                format!("{part:?} is not a port number; expected \"*\" or numbers 0-65535 separated by commas"),
            )),
        }
    }
}

/// Port fields of MeshConfig that istiod's `ValidateMeshConfig` checks (upstream drops these errors; we report them).
fn check_mesh_ports(mesh: &Value, p: &FieldPath, out: &mut Vec<Finding>) {
    for key in ["proxyListenPort", "proxy_listen_port"] {
        if let Some(n) = mesh.get(key).and_then(Value::as_i64)
            && !(1..=65535).contains(&n)
        {
            let mut q = p.clone();
            q.push_key(key);
            out.push(Finding::error(
                &q,
                format!("invalid proxy listen port: port number {n} must be in the range 1..65535"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dns_labels() {
        assert!(is_dns1123_label("canary"));
        assert!(is_dns1123_label("1-30-3"));
        for bad in ["Canary", "-a", "a-", "a.b", "", &"a".repeat(64)] {
            assert!(!is_dns1123_label(bad), "{bad}");
        }
        assert!(is_dns1123_label(&"a".repeat(63)));
    }

    #[test]
    fn hubs() {
        for ok in
            ["docker.io/istio", "gcr.io/istio-release", "localhost:5000", "localhost:5000/x", "istio", "[::1]:5000/a"]
        {
            assert!(hub_error(ok).is_ok(), "{ok}");
        }
        for bad in ["Docker.io/Istio", "foo bar", "a:b/c", "reg.io:port/x"] {
            assert!(hub_error(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn cidrs() {
        assert!(cidr_error("10.0.0.0/8").is_ok());
        assert!(cidr_error("fd00::/8").is_ok());
        assert_eq!(cidr_error("3.3.0.0/33"), Err("prefix length out of range".into()));
        assert_eq!(cidr_error("*"), Err("no '/'".into()));
    }
}
