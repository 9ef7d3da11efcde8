//! Mesh config and proxy config as upstream's injector sees them: built-in defaults, the mesh file
//! applied over them, the `proxy.istio.io/config` annotation merged in, and the compact
//! protobuf-JSON of the proxy config that becomes `PROXY_CONFIG`.
//!
//! Values are kept as proto-JSON shaped `serde_json::Value`s (lowerCamelCase field names).

use serde_json::{Map, Value, json};

use super::InjectError;

/// Proxy config fields in `.proto` declaration order (protobuf JSON prints in this order).
pub const PROXY_CONFIG_FIELDS: &[&str] = &[
    "configPath",
    "binaryPath",
    "serviceCluster",
    "tracingServiceName",
    "drainDuration",
    "parentShutdownDuration",
    "discoveryAddress",
    "discoveryRefreshDelay",
    "zipkinAddress",
    "statsdUdpAddress",
    "envoyMetricsServiceAddress",
    "proxyAdminPort",
    "availabilityZone",
    "controlPlaneAuthPolicy",
    "customConfigFile",
    "statNameLength",
    "concurrency",
    "proxyBootstrapTemplatePath",
    "interceptionMode",
    "tracing",
    "sds",
    "envoyAccessLogService",
    "envoyMetricsService",
    "proxyMetadata",
    "runtimeValues",
    "statusPort",
    "extraStatTags",
    "gatewayTopology",
    "terminationDrainDuration",
    "meshId",
    "readinessProbe",
    "proxyStatsMatcher",
    "holdApplicationUntilProxyStarts",
    "caCertificatesPem",
    "image",
    "privateKeyProvider",
    "proxyHeaders",
    "fileFlushInterval",
    "fileFlushMinSizeKb",
    "statsCompression",
];

/// Upstream `DefaultProxyConfig()`.
pub fn default_proxy_config() -> Value {
    json!({
        "configPath": "./etc/istio/proxy",
        "binaryPath": "/usr/local/bin/envoy",
        "serviceCluster": "istio-proxy",
        "drainDuration": "45s",
        "discoveryAddress": "istiod.istio-system.svc:15012",
        "proxyAdminPort": 15000,
        "controlPlaneAuthPolicy": "MUTUAL_TLS",
        "statNameLength": 189,
        "statusPort": 15020,
        "terminationDrainDuration": "5s",
    })
}

/// Upstream `DefaultMeshConfig()` (the fields that matter to injection and their neighbours).
pub fn default_mesh_config() -> Value {
    json!({
        "enableTracing": true,
        "accessLogEncoding": "TEXT",
        "protocolDetectionTimeout": "0s",
        "ingressService": "istio-ingressgateway",
        "ingressControllerMode": "STRICT",
        "ingressClass": "istio",
        "trustDomain": "cluster.local",
        "trustDomainAliases": [],
        "enableAutoMtls": true,
        "outboundTrafficPolicy": {"mode": "ALLOW_ANY"},
        "inboundTrafficPolicy": {"mode": "PASSTHROUGH"},
        "localityLbSetting": {"enabled": true},
        "certificates": [],
        "defaultConfig": default_proxy_config(),
        "rootNamespace": "istio-system",
        "proxyListenPort": 15001,
        "proxyInboundListenPort": 15006,
        "connectTimeout": "10s",
        "defaultServiceExportTo": ["*"],
        "defaultVirtualServiceExportTo": ["*"],
        "defaultDestinationRuleExportTo": ["*"],
        "dnsRefreshRate": "60s",
        "serviceSettings": [],
        "enablePrometheusMerge": true,
        "defaultProviders": {},
        "extensionProviders": [
            {"name": "prometheus", "prometheus": {}},
            {"name": "stackdriver", "stackdriver": {}},
            {"name": "envoy", "envoyFileAccessLog": {"path": "/dev/stdout"}},
        ],
    })
}

/// Converts `snake_case` proto names to the lowerCamelCase JSON names (jsonpb accepts both).
fn json_name(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn parse_yaml_map(text: &str, what: &str) -> Result<Map<String, Value>, InjectError> {
    let v = goyaml::parse(text).map_err(|e| InjectError::Config(format!("{what}: {e}")))?;
    match v {
        Value::Null => Ok(Map::new()),
        Value::Object(m) => Ok(m.into_iter().map(|(k, v)| (json_name(&k), v)).collect()),
        other => Err(InjectError::Config(format!("{what}: expected a map, got {other}"))),
    }
}

/// Recursively merges `patch` onto `base` (objects merge, everything else replaces).
fn merge_objects(base: &mut Value, patch: &Value) {
    match (base, patch) {
        (Value::Object(b), Value::Object(p)) => {
            for (k, v) in p {
                match b.get_mut(k) {
                    Some(slot) if slot.is_object() && v.is_object() => merge_objects(slot, v),
                    _ => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (b, p) => *b = p.clone(),
    }
}

/// Checks the types of known proxy config fields (upstream falls back to ignoring unknown fields,
/// but a known field with a value of the wrong type fails).
fn check_proxy_fields(pc: &Map<String, Value>) -> Result<(), String> {
    for (k, v) in pc {
        let ok = match k.as_str() {
            "proxyMetadata" | "runtimeValues" => {
                v.is_null() || v.as_object().is_some_and(|m| m.values().all(|x| x.is_string()))
            }
            "proxyAdminPort" | "statNameLength" | "statusPort" | "concurrency" => {
                v.is_null() || v.is_i64() || v.as_str().is_some_and(|s| s.parse::<i64>().is_ok())
            }
            "holdApplicationUntilProxyStarts" => v.is_null() || v.is_boolean(),
            "interceptionMode" => {
                v.is_null() || matches!(v.as_str(), Some("REDIRECT" | "TPROXY" | "NONE")) || v.is_i64()
            }
            "drainDuration" | "terminationDrainDuration" | "parentShutdownDuration" => {
                v.is_null() || v.as_str().is_some_and(|s| parse_duration(s).is_some())
            }
            _ => true,
        };
        if !ok {
            return Err(format!("bad value for field \"{k}\": {v}"));
        }
    }
    Ok(())
}

/// Upstream `MergeProxyConfig`: fields of `yaml` replace those of `base`, `proxyMetadata` merges by
/// key and `proxyHeaders` by field.
pub fn merge_proxy_config(yaml: &str, base: &Value) -> Result<Value, String> {
    let v = goyaml::parse(yaml).map_err(|e| e.to_string())?;
    let patch: Map<String, Value> = match v {
        Value::Null => Map::new(),
        Value::Object(m) => m.into_iter().map(|(k, v)| (json_name(&k), v)).collect(),
        other => return Err(format!("cannot unmarshal {other} into ProxyConfig")),
    };
    check_proxy_fields(&patch)?;
    let patch: Map<String, Value> =
        patch.into_iter().filter(|(k, _)| PROXY_CONFIG_FIELDS.contains(&k.as_str())).collect();
    let mut out = base.as_object().cloned().unwrap_or_default();
    for (k, v) in patch {
        match k.as_str() {
            "proxyMetadata" | "proxyHeaders" => {
                let mut merged = out.get(&k).cloned().unwrap_or_else(|| json!({}));
                if merged.is_object() && v.is_object() {
                    merge_objects(&mut merged, &v);
                } else {
                    merged = v;
                }
                out.insert(k, merged);
            }
            "concurrency" | "proxyAdminPort" | "statNameLength" | "statusPort" => {
                let n = v.as_i64().or_else(|| v.as_str().and_then(|s| s.parse().ok()));
                out.insert(k, n.map_or(Value::Null, Value::from));
            }
            _ => {
                out.insert(k, v);
            }
        }
    }
    out.retain(|_, v| !v.is_null());
    Ok(Value::Object(out))
}

/// Upstream `ApplyMeshConfig(yaml, DefaultMeshConfig())`.
pub fn apply_mesh_config(yaml: &str) -> Result<Value, InjectError> {
    let mut mesh = default_mesh_config();
    let patch = parse_yaml_map(yaml, "failed to convert to proto.")?;
    let Some(m) = mesh.as_object_mut() else { return Ok(mesh) };
    for (k, v) in patch {
        match k.as_str() {
            "defaultConfig" => {
                let text = serde_json::to_string(&v).unwrap_or_default();
                let base = m.get("defaultConfig").cloned().unwrap_or_else(default_proxy_config);
                let pc = merge_proxy_config(&text, &base)
                    .map_err(|e| InjectError::Config(format!("failed to convert to proto.: {e}")))?;
                m.insert(k, pc);
            }
            "extensionProviders" => {
                let mut list = m.get("extensionProviders").and_then(Value::as_array).cloned().unwrap_or_default();
                for p in v.as_array().cloned().unwrap_or_default() {
                    let name = p.get("name").cloned();
                    match list.iter_mut().find(|e| e.get("name") == name.as_ref()) {
                        Some(slot) => *slot = p,
                        None => list.push(p),
                    }
                }
                m.insert(k, Value::Array(list));
            }
            _ => match m.get_mut(&k) {
                Some(slot) if slot.is_object() && v.is_object() => merge_objects(slot, &v),
                _ => {
                    m.insert(k, v);
                }
            },
        }
    }
    Ok(mesh)
}

/// `ValidateMeshConfigProxyConfig` (the checks that can fail on a merged annotation).
pub fn validate_proxy_config(pc: &Value) -> Result<(), String> {
    let s = |k: &str| pc.get(k).and_then(Value::as_str).unwrap_or_default();
    let mut errs = Vec::new();
    for (k, msg) in [
        ("configPath", "config path must be set"),
        ("binaryPath", "binary path must be set"),
        ("serviceCluster", "service cluster must be specified"),
    ] {
        if s(k).is_empty() {
            errs.push(msg.to_string());
        }
    }
    if let Some(d) = pc.get("drainDuration").and_then(Value::as_str).and_then(parse_duration)
        && d < 1_000_000
    {
        errs.push("drain duration must be at least 1ms".into());
    }
    let addr = s("discoveryAddress");
    if addr.is_empty() {
        errs.push("discovery address must be set to the proxy discovery service".into());
    } else if let Err(e) = validate_address(addr) {
        errs.push(format!("invalid discovery address: {e}"));
    }
    if !s("statsdUdpAddress").is_empty()
        && let Err(e) = validate_address(s("statsdUdpAddress"))
    {
        errs.push(format!("invalid statsd udp address {:?}: {e}", s("statsdUdpAddress")));
    }
    for k in ["proxyAdminPort", "statusPort"] {
        if let Some(p) = pc.get(k).and_then(Value::as_i64)
            && !(1..=65535).contains(&p)
        {
            errs.push(format!("port number {p} must be in the range 1..65535"));
        }
    }
    if errs.is_empty() { Ok(()) } else { Err(errs.join("; ")) }
}

/// `ValidateProxyAddress`: `host:port` with a valid port.
fn validate_address(addr: &str) -> Result<(), String> {
    let (host, port) = addr.rsplit_once(':').ok_or_else(|| format!("unable to split {addr:?}"))?;
    if host.is_empty() {
        return Err(format!("invalid host: {host}"));
    }
    match port.parse::<u32>() {
        Ok(p) if (1..=65535).contains(&p) => Ok(()),
        _ => Err(format!("invalid port: {port}")),
    }
}

/// The mesh config with the pod's `proxy.istio.io/config` annotation merged into `defaultConfig`.
pub fn apply_proxy_config_annotation(mesh: &Value, annotation: &str) -> Result<Value, String> {
    let base = mesh.get("defaultConfig").cloned().unwrap_or_else(default_proxy_config);
    let pc = merge_proxy_config(annotation, &base)?;
    let mut out = mesh.clone();
    if let Some(m) = out.as_object_mut() {
        m.insert("defaultConfig".into(), pc);
    }
    Ok(out)
}

/// Parses a protobuf-JSON duration (`"45s"`, `"0.5s"`) into nanoseconds.
pub fn parse_duration(s: &str) -> Option<i128> {
    let num = s.strip_suffix('s')?;
    let (neg, num) = num.strip_prefix('-').map_or((false, num), |n| (true, n));
    let (int, frac) = num.split_once('.').unwrap_or((num, ""));
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if frac.len() > 9 {
        return None;
    }
    let secs: i128 = int.parse().ok()?;
    let nanos: i128 = if frac.is_empty() { 0 } else { format!("{frac:0<9}").parse().ok()? };
    let total = secs * 1_000_000_000 + nanos;
    Some(if neg { -total } else { total })
}

/// Go's `time.Duration.String()` of a nanosecond count.
pub fn go_duration_string(nanos: i128) -> String {
    if nanos == 0 {
        return "0s".into();
    }
    let neg = nanos < 0;
    let u = nanos.unsigned_abs();
    let sign = if neg { "-" } else { "" };
    if u < 1_000_000_000 {
        let (unit, div) = if u < 1_000 {
            ("ns", 1u128)
        } else if u < 1_000_000 {
            ("µs", 1_000)
        } else {
            ("ms", 1_000_000)
        };
        return format!("{sign}{}{unit}", frac_string(u, div));
    }
    let h = u / 3_600_000_000_000;
    let rem = u % 3_600_000_000_000;
    let m = rem / 60_000_000_000;
    let s_nanos = rem % 60_000_000_000;
    let secs = frac_string(s_nanos, 1_000_000_000);
    if h > 0 {
        format!("{sign}{h}h{m}m{secs}s")
    } else if m > 0 {
        format!("{sign}{m}m{secs}s")
    } else {
        format!("{sign}{secs}s")
    }
}

fn frac_string(v: u128, div: u128) -> String {
    let int = v / div;
    let frac = v % div;
    if frac == 0 {
        return int.to_string();
    }
    let width = div.to_string().len() - 1;
    let f = format!("{frac:0width$}");
    format!("{int}.{}", f.trim_end_matches('0'))
}

/// `cleanProxyConfig` + protobuf JSON: the proxy config without fields equal to the defaults, printed
/// compactly in declaration order (maps sorted by key).
pub fn proxy_config_json(pc: &Value) -> String {
    let defaults = default_proxy_config();
    let Some(m) = pc.as_object() else { return "{}".into() };
    let mut parts = Vec::new();
    for field in PROXY_CONFIG_FIELDS {
        let Some(v) = m.get(*field) else { continue };
        if v.is_null() {
            continue;
        }
        let removable = matches!(
            *field,
            "configPath"
                | "binaryPath"
                | "controlPlaneAuthPolicy"
                | "serviceCluster"
                | "drainDuration"
                | "terminationDrainDuration"
                | "discoveryAddress"
                | "proxyAdminPort"
                | "statNameLength"
                | "statusPort"
        );
        let same_duration = matches!(*field, "drainDuration" | "terminationDrainDuration")
            && v.as_str().and_then(parse_duration)
                == defaults.get(*field).and_then(Value::as_str).and_then(parse_duration);
        if removable && (defaults.get(*field) == Some(v) || same_duration) {
            continue;
        }
        if *field == "proxyMetadata" && v.as_object().is_none_or(Map::is_empty) {
            continue;
        }
        // proto3 scalars at their zero value are not printed (wrappers such as concurrency are).
        let zero = match v {
            Value::String(s) => s.is_empty(),
            Value::Number(n) => n.as_f64() == Some(0.0) && !matches!(*field, "concurrency"),
            Value::Bool(b) => !b && !matches!(*field, "holdApplicationUntilProxyStarts"),
            Value::Array(a) => a.is_empty(),
            _ => false,
        };
        if zero || (*field == "interceptionMode" && v.as_str() == Some("REDIRECT")) {
            continue;
        }
        let printed = match v {
            Value::String(s)
                if matches!(*field, "drainDuration" | "terminationDrainDuration" | "parentShutdownDuration") =>
            {
                Value::String(parse_duration(s).map_or_else(|| s.clone(), proto_duration))
            }
            _ => sort_maps(v),
        };
        parts.push(format!("{}:{}", Value::String((*field).to_string()), printed));
    }
    format!("{{{}}}", parts.join(","))
}

/// protobuf-JSON spelling of a duration: seconds with 0, 3, 6 or 9 fractional digits.
fn proto_duration(nanos: i128) -> String {
    let neg = nanos < 0;
    let u = nanos.unsigned_abs();
    let secs = u / 1_000_000_000;
    let frac = u % 1_000_000_000;
    let sign = if neg { "-" } else { "" };
    if frac == 0 {
        format!("{sign}{secs}s")
    } else if frac.is_multiple_of(1_000_000) {
        format!("{sign}{secs}.{:03}s", frac / 1_000_000)
    } else if frac.is_multiple_of(1_000) {
        format!("{sign}{secs}.{:06}s", frac / 1_000)
    } else {
        format!("{sign}{secs}.{frac:09}s")
    }
}

fn sort_maps(v: &Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            Value::Object(keys.into_iter().filter_map(|k| m.get(k).map(|x| (k.clone(), sort_maps(x)))).collect())
        }
        Value::Array(a) => Value::Array(a.iter().map(sort_maps).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_proxy_config_prints_empty() {
        assert_eq!(proxy_config_json(&default_proxy_config()), "{}");
    }

    #[test]
    fn annotation_fields_print_in_declaration_order() {
        let mesh = apply_mesh_config("defaultConfig:\n  proxyMetadata:\n    B: x\n").unwrap();
        let m =
            apply_proxy_config_annotation(&mesh, "concurrency: 0\ndiscoveryAddress: foo:123\nproxyMetadata:\n  A: z\n")
                .unwrap();
        assert_eq!(
            proxy_config_json(m.get("defaultConfig").unwrap()),
            r#"{"discoveryAddress":"foo:123","concurrency":0,"proxyMetadata":{"A":"z","B":"x"}}"#
        );
    }

    #[test]
    fn durations() {
        let m = apply_mesh_config("defaultConfig:\n  drainDuration: 23s\n").unwrap();
        assert_eq!(proxy_config_json(m.get("defaultConfig").unwrap()), r#"{"drainDuration":"23s"}"#);
        assert_eq!(go_duration_string(parse_duration("90s").unwrap()), "1m30s");
        assert_eq!(go_duration_string(parse_duration("0.5s").unwrap()), "500ms");
    }

    #[test]
    fn unknown_proxy_fields_are_ignored_and_bad_types_rejected() {
        let pc = merge_proxy_config("nope: 1", &default_proxy_config()).unwrap();
        assert_eq!(pc, default_proxy_config());
        assert!(merge_proxy_config("statusPort: [1]", &default_proxy_config()).is_err());
        let bad = merge_proxy_config("discoveryAddress: nohostport", &default_proxy_config()).unwrap();
        assert!(validate_proxy_config(&bad).is_err());
        assert!(validate_proxy_config(&default_proxy_config()).is_ok());
    }
}
