//! Validation of the pod annotations upstream checks before rendering (`validate.go`).

use std::net::IpAddr;

use serde_json::{Map, Value};

use super::{mesh, quantity};

type Check = fn(&str) -> Result<(), String>;

/// Annotation name -> check, as upstream's `AnnotationValidation` table.
const CHECKS: &[(&str, Check)] = &[
    (super::INTERCEPTION_MODE_ANNOTATION, interception_mode),
    ("status.sidecar.istio.io/port", status_port),
    ("readiness.status.sidecar.istio.io/initialDelaySeconds", uint32),
    ("readiness.status.sidecar.istio.io/periodSeconds", uint32),
    ("readiness.status.sidecar.istio.io/failureThreshold", uint32),
    ("traffic.sidecar.istio.io/includeOutboundIPRanges", include_ip_ranges),
    ("traffic.sidecar.istio.io/excludeOutboundIPRanges", exclude_ip_ranges),
    ("traffic.sidecar.istio.io/includeInboundPorts", include_inbound_ports),
    ("traffic.sidecar.istio.io/excludeInboundPorts", exclude_inbound_ports),
    ("traffic.sidecar.istio.io/excludeOutboundPorts", exclude_outbound_ports),
    ("traffic.sidecar.istio.io/excludeInterfaces", interfaces),
    ("traffic.sidecar.istio.io/kubevirtInterfaces", interfaces),
    ("istio.io/reroute-virtual-interfaces", interfaces),
    (super::MERGE_METRICS_ANNOTATION, boolean),
    (super::PROXY_CONFIG_ANNOTATION, proxy_config),
    ("sidecar.istio.io/proxyCPU", resource_quantity),
    ("sidecar.istio.io/proxyMemory", resource_quantity),
    ("sidecar.istio.io/proxyCPULimit", resource_quantity),
    ("sidecar.istio.io/proxyMemoryLimit", resource_quantity),
];

fn interception_mode(v: &str) -> Result<(), String> {
    match v {
        "REDIRECT" | "TPROXY" | "NONE" => Ok(()),
        _ => Err(format!("interceptionMode invalid, use REDIRECT,TPROXY,NONE: {v}")),
    }
}

fn parse_port(p: &str) -> Result<u16, String> {
    p.trim().parse::<u16>().map_err(|e| format!("failed parsing port '{p}': {}", go_parse_error(p.trim(), &e)))
}

/// Go's `strconv.ParseUint` error text.
fn go_parse_error(s: &str, e: &std::num::ParseIntError) -> String {
    use std::num::IntErrorKind;
    match e.kind() {
        IntErrorKind::PosOverflow => format!("strconv.ParseUint: parsing \"{s}\": value out of range"),
        _ => format!("strconv.ParseUint: parsing \"{s}\": invalid syntax"),
    }
}

fn parse_ports(ports: &str) -> Result<(), String> {
    let ports = ports.trim();
    if ports.is_empty() {
        return Ok(());
    }
    for p in ports.split(',') {
        parse_port(p).map_err(|e| format!("failed parsing port '{p}': {e}"))?;
    }
    Ok(())
}

fn port_list(name: &str, ports: &str) -> Result<(), String> {
    parse_ports(ports).map_err(|e| format!("{name} invalid: {e}"))
}

fn status_port(v: &str) -> Result<(), String> {
    parse_port(v).map(|_| ()).map_err(|e| format!("excludeInboundPorts invalid: {e}"))
}

fn uint32(v: &str) -> Result<(), String> {
    v.parse::<u32>().map(|_| ()).map_err(|e| go_parse_error(v, &e))
}

fn boolean(v: &str) -> Result<(), String> {
    parse_go_bool(v).map(|_| ()).ok_or_else(|| format!("strconv.ParseBool: parsing \"{v}\": invalid syntax"))
}

/// Go's `strconv.ParseBool`.
pub fn parse_go_bool(v: &str) -> Option<bool> {
    match v {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

fn cidr(c: &str) -> Result<(), String> {
    let bad = || format!("failed parsing cidr '{c}': netip.ParsePrefix(\"{c}\"): no '/'");
    let (ip, bits) = c.split_once('/').ok_or_else(bad)?;
    let addr: IpAddr = ip.parse().map_err(|_| {
        format!("failed parsing cidr '{c}': netip.ParsePrefix(\"{c}\"): ParseAddr(\"{ip}\"): unable to parse IP")
    })?;
    let max = if addr.is_ipv4() { 32 } else { 128 };
    match bits.parse::<u8>() {
        Ok(b) if b <= max && !bits.starts_with('+') && (bits == "0" || !bits.starts_with('0')) => Ok(()),
        _ => Err(format!("failed parsing cidr '{c}': netip.ParsePrefix(\"{c}\"): bad bits after slash: \"{bits}\"")),
    }
}

fn cidr_list(v: &str) -> Result<(), String> {
    if v.is_empty() {
        return Ok(());
    }
    v.split(',').try_for_each(cidr)
}

fn include_ip_ranges(v: &str) -> Result<(), String> {
    if v == "*" { Ok(()) } else { cidr_list(v).map_err(|e| format!("includeIPRanges invalid: {e}")) }
}

fn exclude_ip_ranges(v: &str) -> Result<(), String> {
    cidr_list(v).map_err(|e| format!("excludeIPRanges invalid: {e}"))
}

fn include_inbound_ports(v: &str) -> Result<(), String> {
    if v == "*" { Ok(()) } else { port_list("includeInboundPorts", v) }
}

fn exclude_inbound_ports(v: &str) -> Result<(), String> {
    port_list("excludeInboundPorts", v)
}

fn exclude_outbound_ports(v: &str) -> Result<(), String> {
    port_list("excludeOutboundPorts", v)
}

fn interfaces(v: &str) -> Result<(), String> {
    if v.is_empty() {
        return Ok(());
    }
    for i in v.split(',') {
        let i = i.trim();
        if i.is_empty() {
            return Err("empty interface name".into());
        }
        if i.len() > 15 {
            return Err(format!("interface name \"{i}\" too long (max 15 chars)"));
        }
        let mut chars = i.chars();
        let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
        if !first_ok || !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')) {
            return Err(format!("interface name \"{i}\" contains invalid characters"));
        }
    }
    Ok(())
}

fn proxy_config(v: &str) -> Result<(), String> {
    let pc = mesh::merge_proxy_config(v, &mesh::default_proxy_config())
        .map_err(|e| format!("failed to convert to apply proxy config: {e}"))?;
    mesh::validate_proxy_config(&pc)
}

fn resource_quantity(v: &str) -> Result<(), String> {
    if v.chars().any(char::is_control) {
        return Err("value contains control characters".into());
    }
    quantity::validate(v).map_err(|e| e.to_string())
}

/// Checks every annotation that has a rule; all failures are reported, go-multierror style.
pub fn validate_annotations(annotations: Option<&Map<String, Value>>) -> Result<(), String> {
    let Some(annotations) = annotations else { return Ok(()) };
    let mut errors = Vec::new();
    let mut names: Vec<&String> = annotations.keys().collect();
    names.sort();
    for name in names {
        let Some((_, check)) = CHECKS.iter().find(|(n, _)| *n == name.as_str()) else { continue };
        let value = annotations.get(name).and_then(Value::as_str).unwrap_or_default();
        if let Err(e) = check(value) {
            errors.push(format!("invalid value '{value}' for annotation '{name}': {e}"));
        }
    }
    if errors.is_empty() {
        return Ok(());
    }
    let plural = if errors.len() == 1 { "1 error occurred" } else { "" };
    let head = if plural.is_empty() { format!("{} errors occurred", errors.len()) } else { plural.to_string() };
    let body: Vec<String> = errors.iter().map(|e| format!("\t* {e}")).collect();
    Err(format!("{head}:\n{}\n\n", body.join("\n")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(k: &str, v: &str) -> Result<(), String> {
        let m = json!({ k: v });
        validate_annotations(m.as_object())
    }

    #[test]
    fn good_values_pass() {
        assert!(check("traffic.sidecar.istio.io/includeOutboundIPRanges", "*").is_ok());
        assert!(check("traffic.sidecar.istio.io/includeOutboundIPRanges", "10.0.0.0/8,::1/128").is_ok());
        assert!(check("traffic.sidecar.istio.io/excludeInboundPorts", "1,2, 3").is_ok());
        assert!(check("sidecar.istio.io/proxyCPU", "100m").is_ok());
        assert!(check("traffic.sidecar.istio.io/kubevirtInterfaces", "net1,net2").is_ok());
    }

    #[test]
    fn bad_values_name_the_annotation() {
        let e = check("traffic.sidecar.istio.io/includeOutboundIPRanges", "bad").unwrap_err();
        assert!(e.contains("invalid value 'bad' for annotation 'traffic.sidecar.istio.io/includeOutboundIPRanges'"));
        assert!(e.starts_with("1 error occurred:\n\t* "));
        assert!(check("traffic.sidecar.istio.io/excludeInboundPorts", "70000").is_err());
        assert!(check("sidecar.istio.io/interceptionMode", "X").is_err());
        assert!(check("sidecar.istio.io/proxyMemory", "lots").is_err());
        assert!(check("proxy.istio.io/config", "statusPort: nope").is_err());
        assert!(check("proxy.istio.io/config", "discoveryAddress: nohostport").is_err());
        assert!(check("proxy.istio.io/config", "holdApplicationUntilProxyStarts: true").is_ok());
    }
}
