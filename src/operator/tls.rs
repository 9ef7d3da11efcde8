//! Mesh TLS settings (`meshConfig.meshMTLS`, `meshConfig.tlsDefaults`): the names Envoy (BoringSSL) accepts, the
//! checks istioctl should make, and the effective settings for display.

use serde_json::Value;

use super::path::FieldPath;
use super::schema::Finding;

/// `MeshConfig.TLSConfig.TLSProtocol` names, in enum-number order (`TLS_AUTO = 0`).
pub const TLS_PROTOCOLS: &[&str] = &["TLS_AUTO", "TLSV1_2", "TLSV1_3"];

/// ECDH curves BoringSSL (and so Envoy) knows (upstream `pkg/config/security` `ValidECDHCurves`).
pub const ECDH_CURVES: &[&str] =
    &["P-224", "P-256", "P-521", "P-384", "X25519", "X25519Kyber768Draft00", "X25519MLKEM768"];

/// TLS 1.2 cipher suites by their OpenSSL names, as BoringSSL lists them (upstream `ValidCipherSuites`).
pub const CIPHER_SUITES: &[&str] = &[
    "ECDHE-ECDSA-AES128-GCM-SHA256",
    "ECDHE-RSA-AES128-GCM-SHA256",
    "ECDHE-ECDSA-AES256-GCM-SHA384",
    "ECDHE-RSA-AES256-GCM-SHA384",
    "ECDHE-ECDSA-CHACHA20-POLY1305",
    "ECDHE-RSA-CHACHA20-POLY1305",
    "ECDHE-ECDSA-AES128-SHA",
    "ECDHE-RSA-AES128-SHA",
    "ECDHE-ECDSA-AES256-SHA",
    "ECDHE-RSA-AES256-SHA",
    "AES128-GCM-SHA256",
    "AES256-GCM-SHA384",
    "AES128-SHA",
    "AES256-SHA",
    "DES-CBC3-SHA",
];

/// Whether Envoy accepts a cipher entry: a known name, `ALL`, empty, or an expression (starting with `-`, `+`,
/// `!`, `[`...), which is passed through unchecked as upstream does.
fn cipher_ok(c: &str) -> bool {
    c.is_empty() || c == "ALL" || !c.starts_with(|ch: char| ch.is_alphanumeric()) || CIPHER_SUITES.contains(&c)
}

fn curve_ok(c: &str) -> bool {
    c.is_empty() || ECDH_CURVES.contains(&c)
}

/// Checks one meshConfig tree (`mesh_path` is where it sits, e.g. `spec.meshConfig`).
pub(crate) fn check_mesh_tls(mesh: &Value, mesh_path: &FieldPath, out: &mut Vec<Finding>) {
    for (names, is_mesh_mtls) in [(MESH_MTLS, true), (TLS_DEFAULTS, false)] {
        let Some((block, tls)) = field(mesh, names).filter(|(_, v)| v.is_object()) else { continue };
        let mut base = mesh_path.clone();
        base.push_key(block);
        let curves = field(tls, &["ecdhCurves", "ecdh_curves"]);
        if let Some((key, Value::Array(items))) = curves {
            let mut p = base.clone();
            p.push_key(key);
            if is_mesh_mtls {
                if !items.is_empty() {
                    out.push(Finding::error(
                        &p,
                        "mesh TLS does not support ECDH curves configuration: istiod never applies meshMTLS.ecdhCurves \
                         to ISTIO_MUTUAL traffic (mesh mTLS keeps Envoy's default curves); remove it, or set \
                         tlsDefaults.ecdhCurves to restrict curves for other TLS traffic"
                            .to_string(),
                    ));
                }
            } else {
                names_check(items, curve_ok, "ECDH curves", ECDH_CURVES, &p, out);
            }
        }
        if let Some((key, Value::Array(items))) = field(tls, &["cipherSuites", "cipher_suites"]) {
            let mut p = base.clone();
            p.push_key(key);
            names_check(items, cipher_ok, "cipher suites", CIPHER_SUITES, &p, out);
        }
    }
}

/// JSON and proto names of the two TLS blocks (protobuf JSON accepts both).
const MESH_MTLS: &[&str] = &["meshMTLS", "mesh_mTLS"];
const TLS_DEFAULTS: &[&str] = &["tlsDefaults", "tls_defaults"];

fn field<'a>(obj: &'a Value, names: &[&'static str]) -> Option<(&'static str, &'a Value)> {
    names.iter().find_map(|n| obj.get(*n).map(|v| (*n, v)))
}

/// Warns about unknown and repeated names in a list of strings.
fn names_check(
    items: &[Value],
    ok: fn(&str) -> bool,
    what: &str,
    known: &[&str],
    p: &FieldPath,
    out: &mut Vec<Finding>,
) {
    let mut unknown: Vec<&str> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    let mut dup: Vec<&str> = Vec::new();
    for s in items.iter().filter_map(Value::as_str) {
        if !ok(s) {
            if !unknown.contains(&s) {
                unknown.push(s);
            }
        } else if seen.contains(&s) {
            if !dup.contains(&s) {
                dup.push(s);
            }
        } else {
            seen.push(s);
        }
    }
    unknown.sort_unstable();
    dup.sort_unstable();
    if !unknown.is_empty() {
        out.push(Finding::warning(
            p,
            format!(
                "detected unrecognized {what}: [{}]; Envoy ignores them. Known: {}",
                unknown.join(" "),
                known.join(", ")
            ),
        ));
    }
    if !dup.is_empty() {
        out.push(Finding::warning(p, format!("detected duplicate {what}: [{}]", dup.join(" "))));
    }
}

/// Effective settings of one `MeshConfig.TLSConfig` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsSettings {
    /// The configured enum name (`TLS_AUTO` when unset).
    pub min_protocol_version: String,
    /// What Envoy is given as minimum: TLSv1_3 for TLSV1_3, otherwise TLSv1_2.
    pub effective_min_version: &'static str,
    /// Always TLSv1_3.
    pub max_version: &'static str,
    /// Configured curves (empty = Envoy's defaults).
    pub ecdh_curves: Vec<String>,
    /// Configured cipher suites (empty = defaults).
    pub cipher_suites: Vec<String>,
}

/// Effective mesh TLS settings of a merged IstioOperator (read from `spec.values.meshConfig`, which is what the
/// istiod chart writes into the mesh ConfigMap).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeshTls {
    /// `meshConfig.meshMTLS`: ISTIO_MUTUAL (mesh mTLS) server side; curves are never applied.
    pub mesh_mtls: TlsSettings,
    /// `meshConfig.tlsDefaults`: other TLS (gateways, DestinationRule SIMPLE/MUTUAL).
    pub tls_defaults: TlsSettings,
}

/// Reads the effective mesh TLS settings from a merged IstioOperator tree.
pub fn effective_mesh_tls(iop: &Value) -> MeshTls {
    let mesh = iop.pointer("/spec/values/meshConfig").cloned().unwrap_or(Value::Null);
    let read = |names: &[&'static str]| {
        let tls = field(&mesh, names).map(|(_, v)| v.clone()).unwrap_or(Value::Null);
        let min = match field(&tls, &["minProtocolVersion", "min_protocol_version"]).map(|(_, v)| v) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n
                .as_u64()
                .and_then(|i| usize::try_from(i).ok())
                .and_then(|i| TLS_PROTOCOLS.get(i))
                .map_or_else(|| n.to_string(), |s| (*s).to_string()),
            _ => TLS_PROTOCOLS[0].to_string(),
        };
        let list = |names: &[&'static str]| -> Vec<String> {
            match field(&tls, names).map(|(_, v)| v) {
                Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).map(str::to_string).collect(),
                _ => Vec::new(),
            }
        };
        TlsSettings {
            effective_min_version: if min == "TLSV1_3" { "TLSv1_3" } else { "TLSv1_2" },
            min_protocol_version: min,
            max_version: "TLSv1_3",
            ecdh_curves: list(&["ecdhCurves", "ecdh_curves"]),
            cipher_suites: list(&["cipherSuites", "cipher_suites"]),
        }
    };
    MeshTls { mesh_mtls: read(MESH_MTLS), tls_defaults: read(TLS_DEFAULTS) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operator::schema::Severity;
    use serde_json::json;

    fn run(mesh: Value) -> Vec<Finding> {
        let mut out = Vec::new();
        check_mesh_tls(&mesh, &FieldPath::keys(["spec", "meshConfig"]), &mut out);
        out
    }

    #[test]
    fn mesh_mtls_curves_are_an_error() {
        let f = run(json!({"meshMTLS": {"ecdhCurves": ["P-256"]}}));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(f[0].path.to_string(), "spec.meshConfig.meshMTLS.ecdhCurves");
        assert!(f[0].message.starts_with("mesh TLS does not support ECDH curves configuration"));
    }

    #[test]
    fn unknown_and_duplicate_curves_warn() {
        let f = run(json!({"tlsDefaults": {"ecdhCurves": ["P-256", "P-999", "P-256", "X448"]}}));
        assert_eq!(f.len(), 2);
        assert!(f[0].message.starts_with("detected unrecognized ECDH curves: [P-999 X448]"), "{}", f[0].message);
        assert_eq!(f[1].message, "detected duplicate ECDH curves: [P-256]");
        assert!(f.iter().all(|x| x.severity == Severity::Warning));
    }

    #[test]
    fn unknown_and_duplicate_ciphers_warn_in_both_blocks() {
        let f = run(json!({
            "meshMTLS": {"cipherSuites": ["ECDHE-RSA-AES128-GCM-SHA256", "FOO"]},
            "tlsDefaults": {"cipherSuites": ["AES128-SHA", "AES128-SHA", "-AES256-SHA", "ALL"]}
        }));
        assert_eq!(f.len(), 2);
        assert!(f[0].message.starts_with("detected unrecognized cipher suites: [FOO]"));
        assert_eq!(f[0].path.to_string(), "spec.meshConfig.meshMTLS.cipherSuites");
        assert_eq!(f[1].message, "detected duplicate cipher suites: [AES128-SHA]");
    }

    #[test]
    fn effective_settings() {
        let iop = json!({"spec": {"values": {"meshConfig": {"meshMTLS": {"minProtocolVersion": "TLSV1_3"},
            "tlsDefaults": {"minProtocolVersion": 1, "cipherSuites": ["AES128-SHA"]}}}}});
        let t = effective_mesh_tls(&iop);
        assert_eq!(t.mesh_mtls.effective_min_version, "TLSv1_3");
        assert_eq!(t.tls_defaults.min_protocol_version, "TLSV1_2");
        assert_eq!(t.tls_defaults.cipher_suites, ["AES128-SHA"]);
        assert_eq!(effective_mesh_tls(&json!({})).mesh_mtls.min_protocol_version, "TLS_AUTO");
        let proto_names =
            json!({"spec": {"values": {"meshConfig": {"mesh_mTLS": {"min_protocol_version": "TLSV1_3"}}}}});
        assert_eq!(effective_mesh_tls(&proto_names).mesh_mtls.min_protocol_version, "TLSV1_3");
        let f = run(json!({"mesh_mTLS": {"ecdh_curves": ["X25519"]}}));
        assert_eq!(f[0].path.to_string(), "spec.meshConfig.mesh_mTLS.ecdh_curves");
    }
}
