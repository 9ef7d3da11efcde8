//! `openssl s_client` probes: the command line for one version, and what its output means.
//!
//! The walkthrough's probe is `openssl s_client -alpn istio -tls1_3 -connect HOST:PORT </dev/null`. Its output
//! says `New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384` (and, once a session ticket arrived,
//! `Protocol  : TLSv1.3`) when the handshake completed, and `New, (NONE), Cipher is (NONE)` when it did not; the
//! error lines on stderr say why (`... :tlsv1 alert protocol version: ...`, `... :wrong version number: ...`,
//! `connect:errno=111`).

use super::{NO_TLS_RESPONSE, Outcome, ProbeOptions, Target, TlsVersion};

/// The program the probes run.
pub const PROGRAM: &str = "openssl";

/// What a command run (locally or through exec) produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommandOutput {
    /// Everything written to stdout.
    pub stdout: String,
    /// Everything written to stderr.
    pub stderr: String,
    /// The exit status, when known.
    pub exit_code: Option<i32>,
}

/// The s_client flag limiting the handshake to `version`.
fn version_flag(version: TlsVersion) -> &'static str {
    match version {
        TlsVersion::Tls12 => "-tls1_2",
        TlsVersion::Tls13 => "-tls1_3",
    }
}

/// The command line of one probe (stdin must be closed or empty when it runs).
pub fn command(target: &Target, version: TlsVersion, options: &ProbeOptions) -> Vec<String> {
    let mut cmd = vec![PROGRAM.to_string(), "s_client".to_string()];
    if !options.alpn.is_empty() {
        cmd.push("-alpn".to_string());
        cmd.push(options.alpn.join(","));
    }
    cmd.push(version_flag(version).to_string());
    if let Some(sni) = &options.sni {
        cmd.push("-servername".to_string());
        cmd.push(sni.clone());
    }
    cmd.push("-connect".to_string());
    cmd.push(target.to_string());
    cmd
}

/// The value after `prefix` on the first line (trimmed) that starts with it.
fn line_value<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    text.lines().find_map(|l| l.trim_start().strip_prefix(prefix)).map(str::trim)
}

/// The reasons OpenSSL's error lines give (`<pid>:error:<code>:<lib>:<func>:<reason>:<file>:<line>:...`).
fn error_reasons(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let rest = l.split_once(":error:")?.1;
            let reason = rest.split(':').nth(3)?.trim();
            Some(reason.to_string()).filter(|r| !r.is_empty())
        })
        .collect()
}

/// The negotiated protocol and cipher: `New, <protocol>, Cipher is <cipher>`, else the session block's
/// `Protocol  :`/`Cipher    :` lines. `None` when the output has neither.
fn negotiated(out: &str) -> Option<(String, String)> {
    if let Some(rest) = line_value(out, "New, ") {
        let (protocol, cipher) = rest.split_once(", Cipher is ")?;
        return Some((protocol.trim().to_string(), cipher.trim().to_string()));
    }
    let protocol = line_value(out, "Protocol  :")?;
    let cipher = line_value(out, "Cipher    :")?;
    Some((protocol.to_string(), cipher.to_string()))
}

/// Interprets the output of the probe for `version`.
pub fn interpret(version: TlsVersion, output: &CommandOutput) -> Outcome {
    let all = format!("{}\n{}", output.stdout, output.stderr);
    let reasons = error_reasons(&all);
    let why = |fallback: &str| reasons.first().cloned().unwrap_or_else(|| fallback.to_string());

    let connected = all.lines().any(|l| l.starts_with("CONNECTED("));
    if !connected {
        if let Some(errno) = line_value(&all, "connect:errno=") {
            return Outcome::Unreachable { error: why(&format!("connect errno {errno}")) };
        }
        if all.lines().any(|l| l.contains("BIO_lookup") || l.contains("gethostbyname")) {
            return Outcome::Unreachable { error: why("cannot resolve the host") };
        }
        let summary = output.stderr.lines().chain(output.stdout.lines()).find(|l| !l.trim().is_empty());
        return Outcome::ProbeFailed {
            error: format!(
                "unexpected {PROGRAM} output (exit {}): {}",
                output.exit_code.map_or_else(|| "unknown".to_string(), |c| c.to_string()),
                summary.unwrap_or("nothing").trim()
            ),
        };
    }

    match negotiated(&all) {
        Some((protocol, cipher)) if protocol == version.label() && cipher != "(NONE)" && cipher != "0000" => {
            let alpn = line_value(&all, "ALPN protocol:").map(str::to_string);
            Outcome::Accepted { cipher, alpn }
        }
        Some((protocol, cipher)) if cipher != "(NONE)" && cipher != "0000" => {
            Outcome::Refused { error: format!("negotiated {protocol} instead of {version}") }
        }
        _ => {
            let error = why("handshake failed");
            let not_tls = ["wrong version number", "packet length too long", "record layer failure", "unexpected eof"];
            if reasons.is_empty() && all.contains("read 0 bytes") {
                Outcome::NotTls { error: NO_TLS_RESPONSE.to_string() }
            } else if not_tls.iter().any(|m| error.contains(m)) {
                Outcome::NotTls { error }
            } else {
                Outcome::Refused { error }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFUSED_12: &str = "CONNECTED(00000003)\n---\nno peer certificate available\n---\nSSL handshake has read 7 bytes \
        and written 200 bytes\nVerification: OK\n---\nNew, (NONE), Cipher is (NONE)\nSecure Renegotiation IS NOT \
        supported\nNo ALPN negotiated\nSSL-Session:\n    Protocol  : TLSv1.2\n    Cipher    : 0000\n---\n";
    const REFUSED_12_ERR: &str = "804B2A0ED07F0000:error:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol \
        version:../ssl/record/rec_layer_s3.c:1601:SSL alert number 70\n";
    const ACCEPTED_13: &str = "CONNECTED(00000003)\n---\nCertificate chain\n 0 s:CN = localhost\n---\nSSL handshake has \
        read 768 bytes and written 317 bytes\n---\nNew, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384\nServer public key \
        is 256 bit\nALPN protocol: istio\nEarly data was not sent\nVerify return code: 18 (self-signed certificate)\n\
        ---\nDONE\n";

    fn out(stdout: &str, stderr: &str, code: i32) -> CommandOutput {
        CommandOutput { stdout: stdout.into(), stderr: stderr.into(), exit_code: Some(code) }
    }

    #[test]
    fn the_walkthrough_command() {
        let t: Target = "reviews:9080".parse().unwrap();
        assert_eq!(
            command(&t, TlsVersion::Tls13, &ProbeOptions::default()),
            ["openssl", "s_client", "-alpn", "istio", "-tls1_3", "-connect", "reviews:9080"]
        );
        let o = ProbeOptions { alpn: vec![], sni: Some("x.example".into()), ..ProbeOptions::default() };
        assert_eq!(
            command(&t, TlsVersion::Tls12, &o),
            ["openssl", "s_client", "-tls1_2", "-servername", "x.example", "-connect", "reviews:9080"]
        );
    }

    #[test]
    fn accepted_handshake() {
        assert_eq!(
            interpret(TlsVersion::Tls13, &out(ACCEPTED_13, "", 0)),
            Outcome::Accepted { cipher: "TLS_AES_256_GCM_SHA384".into(), alpn: Some("istio".into()) }
        );
        let session_only =
            "CONNECTED(00000003)\nSSL-Session:\n    Protocol  : TLSv1.3\n    Cipher    : TLS_AES_128_GCM_SHA256\n";
        assert!(interpret(TlsVersion::Tls13, &out(session_only, "", 0)).accepted());
        // The same text is not an acceptance of the other version.
        assert!(!interpret(TlsVersion::Tls12, &out(ACCEPTED_13, "", 0)).accepted());
    }

    #[test]
    fn refused_handshake_despite_the_session_protocol_line() {
        assert_eq!(
            interpret(TlsVersion::Tls12, &out(REFUSED_12, REFUSED_12_ERR, 1)),
            Outcome::Refused { error: "tlsv1 alert protocol version".into() }
        );
    }

    #[test]
    fn connection_refused_and_non_tls() {
        let refused = "809B2E6EF37F0000:error:8000006F:system library:BIO_connect:Connection refused:../crypto/bio/\
            bio_sock2.c:117:calling connect()\n809B2E6EF37F0000:error:10000067:BIO routines:BIO_connect:connect \
            error:../crypto/bio/bio_sock2.c:119:\nconnect:errno=111\n";
        assert_eq!(
            interpret(TlsVersion::Tls13, &out("", refused, 1)),
            Outcome::Unreachable { error: "Connection refused".into() }
        );
        let http = "80EBBFDD2E7F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../ssl/record/\
            ssl3_record.c:350:\n";
        let stdout = "CONNECTED(00000003)\n---\nSSL handshake has read 5 bytes and written 200 bytes\n---\nNew, (NONE), \
            Cipher is (NONE)\n";
        assert_eq!(
            interpret(TlsVersion::Tls12, &out(stdout, http, 1)),
            Outcome::NotTls { error: "wrong version number".into() }
        );
        let closed = "CONNECTED(00000003)\n---\nSSL handshake has read 0 bytes and written 200 bytes\n---\nNew, (NONE), \
            Cipher is (NONE)\n";
        assert!(matches!(interpret(TlsVersion::Tls12, &out(closed, "", 1)), Outcome::NotTls { .. }));
    }

    #[test]
    fn missing_openssl_is_a_failed_probe() {
        let o = interpret(TlsVersion::Tls13, &out("", "exec: \"openssl\": executable file not found in $PATH\n", 126));
        assert_eq!(
            o,
            Outcome::ProbeFailed {
                error: "unexpected openssl output (exit 126): exec: \"openssl\": executable file not found in $PATH"
                    .into()
            }
        );
        assert!(matches!(interpret(TlsVersion::Tls13, &CommandOutput::default()), Outcome::ProbeFailed { .. }));
    }
}
