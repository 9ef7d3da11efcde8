//! Handshakes from this machine with rustls, one per TLS version.
//!
//! The server certificate is not verified unless CA certificates are given (a mesh endpoint presents a workload
//! certificate this machine usually cannot verify); the handshake signatures are still checked, so an accepted
//! handshake really completed.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

use std::io::ErrorKind;

use super::{NO_TLS_RESPONSE, Outcome, Probe, ProbeOptions, Target, TlsVersion};

/// Why the probes could not be set up (before any connection is made).
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    /// The CA file could not be read or holds no certificate.
    #[error("cannot use the CA file {path}: {reason}")]
    CaFile {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// The server name is not a valid DNS name or IP address.
    #[error("invalid server name {0:?}")]
    ServerName(String),
    /// rustls refused the configuration.
    #[error("cannot configure TLS: {0}")]
    Tls(#[from] rustls::Error),
}

/// How the server certificate is treated.
#[derive(Debug, Clone)]
pub enum Trust {
    /// Not verified (signatures on the handshake still are).
    Any,
    /// Verified against these CA certificates and the server name.
    Roots(Vec<CertificateDer<'static>>),
}

impl Trust {
    /// Reads the PEM certificates of a CA file.
    pub fn from_ca_file(path: &Path) -> Result<Self, SetupError> {
        let fail = |reason: String| SetupError::CaFile { path: path.display().to_string(), reason };
        let certs = CertificateDer::pem_file_iter(path)
            .map_err(|e| fail(e.to_string()))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| fail(e.to_string()))?;
        if certs.is_empty() {
            return Err(fail("no PEM certificate in it".to_string()));
        }
        Ok(Self::Roots(certs))
    }
}

/// Accepts any certificate but checks the handshake signatures with the provider's algorithms.
#[derive(Debug)]
struct AcceptAnyCertificate(Arc<CryptoProvider>);

impl ServerCertVerifier for AcceptAnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// A client configuration limited to one TLS version.
fn client_config(version: TlsVersion, options: &ProbeOptions, trust: &Trust) -> Result<ClientConfig, SetupError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let versions: &[&'static rustls::SupportedProtocolVersion] = match version {
        TlsVersion::Tls12 => &[&rustls::version::TLS12],
        TlsVersion::Tls13 => &[&rustls::version::TLS13],
    };
    let builder = ClientConfig::builder_with_provider(provider.clone()).with_protocol_versions(versions)?;
    let mut config = match trust {
        Trust::Any => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(AcceptAnyCertificate(provider)))
            .with_no_client_auth(),
        Trust::Roots(certs) => {
            let mut roots = RootCertStore::empty();
            for cert in certs {
                roots.add(cert.clone())?;
            }
            builder.with_root_certificates(roots).with_no_client_auth()
        }
    };
    config.alpn_protocols = options.alpn.iter().map(|p| p.as_bytes().to_vec()).collect();
    // Without an SNI option and with an IP address target, rustls sends no server name, like openssl.
    config.enable_sni = true;
    Ok(config)
}

/// The server name to present: `--sni`, else the target's host.
fn server_name(target: &Target, options: &ProbeOptions) -> Result<ServerName<'static>, SetupError> {
    let name = options.sni.as_deref().unwrap_or(&target.host);
    ServerName::try_from(name.to_string()).map_err(|_| SetupError::ServerName(name.to_string()))
}

/// Classifies a failed handshake: a TLS alert or an incompatible TLS peer is a refusal, garbage or a silent close
/// means the port does not speak TLS, a certificate rejected by `--ca` is a failed probe.
fn classify(err: &std::io::Error) -> Outcome {
    let inner = err.get_ref().and_then(|e| e.downcast_ref::<rustls::Error>());
    match inner {
        Some(e @ (rustls::Error::AlertReceived(_) | rustls::Error::PeerIncompatible(_))) => {
            Outcome::Refused { error: e.to_string() }
        }
        Some(e @ (rustls::Error::InvalidMessage(_) | rustls::Error::InappropriateMessage { .. })) => {
            Outcome::NotTls { error: e.to_string() }
        }
        Some(e @ rustls::Error::InvalidCertificate(_)) => {
            Outcome::ProbeFailed { error: format!("the server certificate was rejected: {e}") }
        }
        Some(e) => Outcome::Refused { error: e.to_string() },
        // Closed or reset without a TLS alert: a TLS server refusing a version sends an alert first.
        None if matches!(
            err.kind(),
            ErrorKind::UnexpectedEof
                | ErrorKind::ConnectionReset
                | ErrorKind::ConnectionAborted
                | ErrorKind::BrokenPipe
        ) =>
        {
            Outcome::NotTls { error: format!("{NO_TLS_RESPONSE} ({err})") }
        }
        None => Outcome::Refused { error: err.to_string() },
    }
}

/// One handshake limited to `version`. Never fails: every problem is an [`Outcome`].
async fn probe_one(
    target: &Target,
    version: TlsVersion,
    options: &ProbeOptions,
    config: ClientConfig,
    name: ServerName<'static>,
) -> Probe {
    let outcome =
        match tokio::time::timeout(options.timeout, TcpStream::connect((target.host.as_str(), target.port))).await {
            Err(_) => Outcome::Unreachable { error: format!("no connection within {}", secs(options.timeout)) },
            Ok(Err(e)) => Outcome::Unreachable { error: e.to_string() },
            Ok(Ok(tcp)) => {
                let connector = TlsConnector::from(Arc::new(config));
                match tokio::time::timeout(options.timeout, connector.connect(name, tcp)).await {
                    Err(_) => Outcome::NotTls { error: format!("no TLS response within {}", secs(options.timeout)) },
                    Ok(Err(e)) => classify(&e),
                    Ok(Ok(stream)) => {
                        let (_, conn) = stream.get_ref();
                        let negotiated = conn.protocol_version();
                        let expected = match version {
                            TlsVersion::Tls12 => rustls::ProtocolVersion::TLSv1_2,
                            TlsVersion::Tls13 => rustls::ProtocolVersion::TLSv1_3,
                        };
                        if negotiated == Some(expected) {
                            Outcome::Accepted {
                                cipher: conn
                                    .negotiated_cipher_suite()
                                    .map(|s| format!("{:?}", s.suite()))
                                    .unwrap_or_default(),
                                alpn: conn.alpn_protocol().map(|p| String::from_utf8_lossy(p).into_owned()),
                            }
                        } else {
                            Outcome::Refused { error: format!("negotiated {negotiated:?} instead of {version}") }
                        }
                    }
                }
            }
        };
    Probe { version, outcome }
}

fn secs(d: Duration) -> String {
    format!("{}s", d.as_secs_f64())
}

/// Probes `target` once per version in [`TlsVersion::ALL`], one after the other.
pub async fn probe(target: &Target, options: &ProbeOptions, trust: &Trust) -> Result<Vec<Probe>, SetupError> {
    let name = server_name(target, options)?;
    let mut probes = Vec::with_capacity(TlsVersion::ALL.len());
    for version in TlsVersion::ALL {
        let config = client_config(version, options, trust)?;
        probes.push(probe_one(target, version, options, config, name.clone()).await);
    }
    Ok(probes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_names_come_from_sni_or_host() {
        let target: Target = "127.0.0.1:1".parse().unwrap();
        let options = ProbeOptions::default();
        assert!(matches!(server_name(&target, &options), Ok(ServerName::IpAddress(_))));
        let options =
            ProbeOptions { sni: Some("outbound_.9080_._.reviews.default.svc.cluster.local".into()), ..options };
        assert!(matches!(server_name(&target, &options), Ok(ServerName::DnsName(_))));
        let options = ProbeOptions { sni: Some("bad name!".into()), ..options };
        assert!(matches!(server_name(&target, &options), Err(SetupError::ServerName(_))));
    }

    #[test]
    fn classification_of_handshake_errors() {
        use std::io::Error;
        let alert =
            Error::new(ErrorKind::InvalidData, rustls::Error::AlertReceived(rustls::AlertDescription::ProtocolVersion));
        assert!(matches!(classify(&alert), Outcome::Refused { .. }));
        let garbage = Error::new(
            ErrorKind::InvalidData,
            rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType),
        );
        assert!(matches!(classify(&garbage), Outcome::NotTls { .. }));
        assert!(matches!(classify(&Error::from(ErrorKind::UnexpectedEof)), Outcome::NotTls { .. }));
        assert!(matches!(classify(&Error::from(ErrorKind::ConnectionReset)), Outcome::NotTls { .. }));
    }

    #[test]
    fn missing_or_empty_ca_files_are_setup_errors() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.pem");
        std::fs::write(&empty, "not a certificate\n").unwrap();
        let err = Trust::from_ca_file(&empty).unwrap_err();
        assert!(err.to_string().ends_with("no PEM certificate in it"), "{err}");
        assert!(Trust::from_ca_file(&dir.path().join("missing.pem")).is_err());
    }
}
