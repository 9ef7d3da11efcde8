//! The HTTP side: routing, discovery, the verbs, watches, tables, faults and the request log.

use crate::exec::{self, ExecRequest};
use crate::faults::{Fault, FaultState};
use crate::patch::{json_patch, merge_patch, server_side_apply};
use crate::portforward;
use crate::resources::{ResourceInfo, Verbs, api_resource_json, groups, subresources};
use crate::selector::{FieldSelector, LabelSelector};
use crate::status::{ApiError, details, success};
use crate::store::{Key, ReadyTask, Store, WatchEvent};
use crate::util::{get_path, lock, now_secs, parse_rfc3339, set_path, short_age, str_at};
use crate::workload;
use crate::{RequestRecord, VERSION_MINOR};
use axum::body::{Body, Bytes};
use axum::extract::{FromRequestParts, Request, State, ws::WebSocketUpgrade};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{broadcast, mpsc};

/// The content type of aggregated discovery, v2.
const AGGREGATED_V2: &str = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
/// The content type of aggregated discovery, v2beta1.
const AGGREGATED_V2BETA1: &str = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";
/// Largest request body accepted.
const BODY_LIMIT: usize = 64 * 1024 * 1024;

/// State shared by every request and by the library handle.
pub(crate) struct Shared {
    pub store: Mutex<Store>,
    pub events: broadcast::Sender<Arc<WatchEvent>>,
    pub requests: Mutex<Vec<RequestRecord>>,
    pub faults: Mutex<FaultState>,
    pub ready_after: Mutex<Option<Duration>>,
    pub handle: tokio::runtime::Handle,
    pub aggregated_discovery: bool,
}

impl Shared {
    /// Starts readiness timers for the workloads written since the last call.
    pub(crate) fn schedule_pending(self: &Arc<Self>) {
        let tasks = std::mem::take(&mut lock(&self.store).pending_ready);
        for task in tasks {
            self.schedule(task);
        }
    }

    /// Starts the readiness timer of one workload (at once for a never-ready one).
    pub(crate) fn schedule(self: &Arc<Self>, task: ReadyTask) {
        let never = lock(&self.store).get(&task.key).and_then(workload::never_ready_reason).is_some();
        let delay = if never { Some(Duration::ZERO) } else { *lock(&self.ready_after) };
        let Some(delay) = delay else { return };
        let me = self.clone();
        self.handle.spawn(async move {
            tokio::time::sleep(delay).await;
            workload::settle(&mut lock(&me.store), &task);
        });
    }
}

/// Decoded query parameters (last value wins, except `command`, which repeats).
#[derive(Debug, Default)]
struct Query {
    map: HashMap<String, String>,
    commands: Vec<String>,
}

impl Query {
    fn parse(q: &str) -> Self {
        let mut out = Query::default();
        for pair in q.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let (k, v) = (percent_decode(k), percent_decode(v));
            if k == "command" {
                out.commands.push(v.clone());
            }
            out.map.insert(k, v);
        }
        out
    }
    fn get(&self, k: &str) -> Option<&str> {
        self.map.get(k).map(String::as_str)
    }
    fn flag(&self, k: &str) -> bool {
        matches!(self.get(k), Some("true" | "1"))
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn json_response(code: u16, body: &Value) -> Response {
    json_typed(code, body, "application/json")
}

fn json_typed(code: u16, body: &Value, content_type: &'static str) -> Response {
    let mut r = Response::new(Body::from(body.to_string()));
    *r.status_mut() = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    r
}

fn error_response(e: &ApiError) -> Response {
    json_response(e.code, &e.to_status())
}

fn fault_response(f: Fault) -> Response {
    match f {
        Fault::Throttle(secs) => {
            let mut r = error_response(
                &ApiError::new(
                    429,
                    "TooManyRequests",
                    "the server has received too many requests and has asked us to try again later",
                )
                .with_details(json!({"causes": [{"reason": "UnexpectedServerResponse"}], "retryAfterSeconds": secs})),
            );
            if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                r.headers_mut().insert(header::RETRY_AFTER, v);
            }
            r
        }
        Fault::ServerError => error_response(&ApiError::internal("injected fault: internal error")),
        Fault::Conflict => error_response(&ApiError::new(
            409,
            "Conflict",
            "injected fault: the object has been modified; please apply your changes to the latest version and try again",
        )),
        Fault::Drop => {
            // A body that fails at once makes hyper abort the connection mid-answer.
            let stream = futures_util::stream::once(async {
                Err::<Bytes, std::io::Error>(std::io::Error::other("injected fault: dropped connection"))
            });
            Response::new(Body::from_stream(stream))
        }
    }
}

/// Every request comes here: faults and latency first, then the API, then the request log.
pub(crate) async fn entry(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let method = req.method().to_string();
    let path = req.uri().path().to_string();
    let query = req.uri().query().unwrap_or("").to_string();
    let content_type = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let (latency, fault) = lock(&shared.faults).decide(&method, &path);
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let response = match fault {
        Some(f) => fault_response(f),
        None => dispatch(&shared, req).await,
    };
    let status = if fault == Some(Fault::Drop) { 0 } else { response.status().as_u16() };
    lock(&shared.requests).push(RequestRecord { method, path, query, content_type, status });
    shared.schedule_pending();
    response
}

async fn dispatch(shared: &Arc<Shared>, req: Request) -> Response {
    let (mut parts, body) = req.into_parts();
    let accept = parts.headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let content_type = parts.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let query = Query::parse(parts.uri.query().unwrap_or(""));
    let path = parts.uri.path().to_string();
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let method = parts.method.as_str().to_string();
    let body = match axum::body::to_bytes(body, BODY_LIMIT).await {
        Ok(b) => b,
        Err(e) => return error_response(&ApiError::bad_request(format!("reading the request body: {e}"))),
    };
    let body = match crate::proto::decode(&body) {
        Some(v) if content_type.contains("protobuf") => Bytes::from(v.to_string()),
        _ => body,
    };
    if body.starts_with(b"k8s\0") || content_type.contains("cbor") {
        return error_response(&ApiError::new(
            415,
            "UnsupportedMediaType",
            format!(
                "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (got {content_type})"
            ),
        ));
    }
    let result = match segs.as_slice() {
        ["version"] => Ok(json_response(200, &version_json())),
        ["healthz" | "livez" | "readyz"] => Ok((StatusCode::OK, "ok").into_response()),
        ["api"] => Ok(discovery_root(shared, &accept, true)),
        ["apis"] => Ok(discovery_root(shared, &accept, false)),
        ["api", "v1"] => resource_list(shared, "", "v1"),
        ["apis", g] => api_group(shared, g),
        ["apis", g, v] => resource_list(shared, g, v),
        ["api", "v1", rest @ ..] => {
            let ws = WebSocketUpgrade::from_request_parts(&mut parts, &()).await.ok();
            let r = RequestCtx {
                method: &method,
                accept: &accept,
                content_type: &content_type,
                query: &query,
                body: &body,
            };
            resource_request(shared, "", "v1", rest, r, ws)
        }
        ["apis", g, v, rest @ ..] => {
            let r = RequestCtx {
                method: &method,
                accept: &accept,
                content_type: &content_type,
                query: &query,
                body: &body,
            };
            resource_request(shared, g, v, rest, r, None)
        }
        _ => Err(ApiError::no_route()),
    };
    result.unwrap_or_else(|e| error_response(&e))
}

fn version_json() -> Value {
    json!({
        "major": "1",
        "minor": VERSION_MINOR,
        "emulationMajor": "1",
        "emulationMinor": VERSION_MINOR,
        "minCompatibilityMajor": "1",
        "minCompatibilityMinor": VERSION_MINOR,
        "gitVersion": format!("v1.{VERSION_MINOR}.0"),
        "gitCommit": "0000000000000000000000000000000000000000",
        "gitTreeState": "clean",
        "buildDate": "2026-01-01T00:00:00Z",
        "goVersion": "go1.25.0",
        "compiler": "gc",
        "platform": "linux/amd64",
    })
}

/// Which aggregated discovery version the Accept header asks for, if any.
fn aggregated_wanted(accept: &str) -> Option<(&'static str, &'static str)> {
    accept.split(',').map(|a| a.replace(' ', "")).find_map(|a| {
        if !a.contains("as=APIGroupDiscoveryList") {
            None
        } else if a.contains("v=v2;") || a.ends_with("v=v2") {
            Some(("apidiscovery.k8s.io/v2", AGGREGATED_V2))
        } else if a.contains("v=v2beta1") {
            Some(("apidiscovery.k8s.io/v2beta1", AGGREGATED_V2BETA1))
        } else {
            None
        }
    })
}

fn discovery_root(shared: &Arc<Shared>, accept: &str, core: bool) -> Response {
    let resources = lock(&shared.store).resources();
    if shared.aggregated_discovery
        && let Some((api_version, content_type)) = aggregated_wanted(accept)
    {
        let mut items = Vec::new();
        if core {
            items.push(aggregated_group(&resources, "", &["v1".to_string()]));
        } else {
            for (g, versions) in groups(&resources) {
                items.push(aggregated_group(&resources, &g, &versions));
            }
        }
        let body = json!({"kind": "APIGroupDiscoveryList", "apiVersion": api_version, "metadata": {}, "items": items});
        return json_typed(200, &body, content_type);
    }
    if core {
        return json_response(
            200,
            &json!({"kind": "APIVersions", "versions": ["v1"], "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1:0"}]}),
        );
    }
    let groups: Vec<Value> = groups(&resources).iter().map(|(g, versions)| group_json(g, versions)).collect();
    json_response(200, &json!({"kind": "APIGroupList", "apiVersion": "v1", "groups": groups}))
}

fn group_json(group: &str, versions: &[String]) -> Value {
    let gv = |v: &String| json!({"groupVersion": format!("{group}/{v}"), "version": v});
    json!({
        "name": group,
        "versions": versions.iter().map(gv).collect::<Vec<_>>(),
        "preferredVersion": versions.first().map(gv).unwrap_or(Value::Null),
    })
}

fn aggregated_group(resources: &[ResourceInfo], group: &str, versions: &[String]) -> Value {
    let versions: Vec<Value> = versions
        .iter()
        .map(|v| {
            let rs: Vec<Value> = resources
                .iter()
                .filter(|r| r.group == group && &r.version == v)
                .map(|r| {
                    let kind = |k: &str| json!({"group": r.group, "version": r.version, "kind": k});
                    let mut e = json!({
                        "resource": r.plural,
                        "responseKind": kind(&r.kind),
                        "scope": if r.namespaced { "Namespaced" } else { "Cluster" },
                        "singularResource": r.singular,
                        "verbs": r.verbs.names(),
                    });
                    if !r.short_names.is_empty() {
                        e["shortNames"] = json!(r.short_names);
                    }
                    if !r.categories.is_empty() {
                        e["categories"] = json!(r.categories);
                    }
                    let subs: Vec<Value> = subresources(r)
                        .into_iter()
                        .map(|(name, k, verbs)| json!({"subresource": name, "responseKind": kind(&k), "verbs": verbs}))
                        .collect();
                    if !subs.is_empty() {
                        e["subresources"] = json!(subs);
                    }
                    e
                })
                .collect();
            json!({"version": v, "resources": rs, "freshness": "Current"})
        })
        .collect();
    let mut meta = json!({"creationTimestamp": null});
    if !group.is_empty() {
        meta["name"] = json!(group);
    }
    json!({"metadata": meta, "versions": versions})
}

fn api_group(shared: &Arc<Shared>, group: &str) -> Result<Response, ApiError> {
    let resources = lock(&shared.store).resources();
    let (g, versions) = groups(&resources).into_iter().find(|(g, _)| g == group).ok_or_else(ApiError::no_route)?;
    let mut body = group_json(&g, &versions);
    if let Some(m) = body.as_object_mut() {
        m.insert("kind".into(), json!("APIGroup"));
        m.insert("apiVersion".into(), json!("v1"));
    }
    Ok(json_response(200, &body))
}

fn resource_list(shared: &Arc<Shared>, group: &str, version: &str) -> Result<Response, ApiError> {
    let resources = lock(&shared.store).resources();
    let mine: Vec<&ResourceInfo> = resources.iter().filter(|r| r.group == group && r.version == version).collect();
    if mine.is_empty() {
        return Err(ApiError::no_route());
    }
    let mut list = Vec::new();
    for r in mine {
        list.push(api_resource_json(r));
        for (sub, kind, verbs) in subresources(r) {
            list.push(json!({"name": format!("{}/{sub}", r.plural), "singularName": "", "namespaced": r.namespaced, "kind": kind, "verbs": verbs}));
        }
    }
    let gv = if group.is_empty() { version.to_string() } else { format!("{group}/{version}") };
    Ok(json_response(
        200,
        &json!({"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": gv, "resources": list}),
    ))
}

/// The request details the verbs need.
struct RequestCtx<'a> {
    method: &'a str,
    accept: &'a str,
    content_type: &'a str,
    query: &'a Query,
    body: &'a Bytes,
}

/// What a resource path names.
struct Target {
    res: ResourceInfo,
    namespace: Option<String>,
    name: Option<String>,
    sub: Option<String>,
}

fn parse_target(store: &Store, group: &str, version: &str, rest: &[&str]) -> Result<Target, ApiError> {
    let namespaced_path = rest.len() >= 3
        && rest.first() == Some(&"namespaces")
        && !(rest.len() == 3 && matches!(rest.get(2), Some(&"status" | &"finalize")));
    let (namespace, rest) = match (namespaced_path, rest.get(1), rest.get(2..)) {
        (true, Some(ns), Some(tail)) => (Some((*ns).to_string()), tail),
        _ => (None, rest),
    };
    let plural = rest.first().ok_or_else(ApiError::no_route)?;
    let res = store.find_resource(group, version, plural).ok_or_else(ApiError::no_route)?;
    if rest.len() > 3 || (namespace.is_some() && !res.namespaced) {
        return Err(ApiError::no_route());
    }
    let name = rest.get(1).map(|s| (*s).to_string());
    if name.is_some() && res.namespaced && namespace.is_none() {
        return Err(ApiError::no_route());
    }
    Ok(Target { res, namespace, name, sub: rest.get(2).map(|s| (*s).to_string()) })
}

/// Parses a request body as JSON, or as YAML when it is not JSON.
fn parse_body(body: &[u8]) -> Result<Value, ApiError> {
    if let Ok(v) = serde_json::from_slice::<Value>(body) {
        return Ok(v);
    }
    let text = std::str::from_utf8(body).map_err(|_| ApiError::bad_request("the request body is not UTF-8"))?;
    goyaml::parse(text).map_err(|e| ApiError::bad_request(format!("error decoding the request body: {e}")))
}

fn dry_run(q: &Query, body_opts: Option<&Value>) -> bool {
    q.get("dryRun") == Some("All")
        || body_opts
            .and_then(|b| b.get("dryRun"))
            .and_then(Value::as_array)
            .is_some_and(|a| a.iter().any(|x| x == "All"))
}

/// The object as seen at the requested version.
fn present(res: &ResourceInfo, obj: &Value) -> Value {
    let mut v = obj.clone();
    set_path(&mut v, &["apiVersion"], json!(res.api_version()));
    set_path(&mut v, &["kind"], json!(res.kind));
    v
}

fn wants_table(accept: &str) -> bool {
    accept.split(',').next().is_some_and(|first| first.contains("as=Table"))
}

/// A column of `kubectl get` output: header and how to fill a cell.
type Column = (&'static str, fn(&Value) -> String);

fn int_at(o: &Value, path: &[&str]) -> i64 {
    get_path(o, path).and_then(Value::as_i64).unwrap_or(0)
}

/// The kind-specific columns between NAME and AGE, as kubectl shows them for the common kinds.
fn extra_columns(res: &ResourceInfo) -> Vec<Column> {
    match (res.group.as_str(), res.plural.as_str()) {
        ("", "namespaces") => vec![("Status", |o| str_at(o, &["status", "phase"]).to_string())],
        ("", "pods") => vec![
            ("Ready", |o| {
                let statuses = get_path(o, &["status", "containerStatuses"]).and_then(Value::as_array);
                let total = statuses.map_or(0, Vec::len);
                let ready = statuses.map_or(0, |a| a.iter().filter(|c| c["ready"] == true).count());
                format!("{ready}/{total}")
            }),
            ("Status", |o| {
                let waiting = get_path(o, &["status", "containerStatuses"]).and_then(Value::as_array).and_then(|a| {
                    a.iter().find_map(|c| get_path(c, &["state", "waiting", "reason"]).and_then(Value::as_str))
                });
                waiting.unwrap_or_else(|| str_at(o, &["status", "phase"])).to_string()
            }),
            ("Restarts", |_| "0".to_string()),
        ],
        ("apps", "deployments") => vec![
            ("Ready", |o| {
                let want = get_path(o, &["spec", "replicas"]).and_then(Value::as_i64).unwrap_or(1);
                format!("{}/{want}", int_at(o, &["status", "readyReplicas"]))
            }),
            ("Up-to-date", |o| int_at(o, &["status", "updatedReplicas"]).to_string()),
            ("Available", |o| int_at(o, &["status", "availableReplicas"]).to_string()),
        ],
        _ => Vec::new(),
    }
}

fn table(res: &ResourceInfo, objs: &[Value], rv: u64) -> Value {
    let now = now_secs();
    let extra = extra_columns(res);
    let rows: Vec<Value> = objs
        .iter()
        .map(|o| {
            let age = parse_rfc3339(str_at(o, &["metadata", "creationTimestamp"])).map(|t| short_age(now - t)).unwrap_or_else(|| "<unknown>".into());
            let mut cells = vec![json!(str_at(o, &["metadata", "name"]))];
            cells.extend(extra.iter().map(|(_, cell)| json!(cell(o))));
            cells.push(json!(age));
            json!({
                "cells": cells,
                "object": {"kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": o.get("metadata").cloned().unwrap_or_else(|| json!({}))},
            })
        })
        .collect();
    let column = |name: &str, format: &str| json!({"name": name, "type": "string", "format": format, "description": "", "priority": 0});
    let mut columns = vec![column("Name", "name")];
    columns.extend(extra.iter().map(|(name, _)| column(name, "")));
    columns.push(column("Age", ""));
    json!({
        "kind": "Table",
        "apiVersion": "meta.k8s.io/v1",
        "metadata": {"resourceVersion": rv.to_string()},
        "columnDefinitions": columns,
        "rows": rows,
    })
}

/// A `<Kind>List` of items at the given resourceVersion.
fn list_json(res: &ResourceInfo, items: Vec<Value>, rv: u64) -> Value {
    json!({"kind": format!("{}List", res.kind), "apiVersion": res.api_version(), "metadata": {"resourceVersion": rv.to_string()}, "items": items})
}

/// The `DeleteOptions` body of a DELETE, if it has a readable one.
fn delete_options(body: &[u8]) -> Option<Value> {
    if body.is_empty() { None } else { parse_body(body).ok() }
}

/// Fails with NotFound unless the object exists.
fn must_exist(shared: &Shared, res: &ResourceInfo, ns: &str, name: &str) -> Result<(), ApiError> {
    match lock(&shared.store).get(&Key::new(res, ns, name)) {
        Some(_) => Ok(()),
        None => Err(ApiError::not_found(res, name)),
    }
}

fn selectors(q: &Query) -> Result<(LabelSelector, FieldSelector), ApiError> {
    let labels = LabelSelector::parse(q.get("labelSelector").unwrap_or("")).map_err(ApiError::bad_request)?;
    let fields = FieldSelector::parse(q.get("fieldSelector").unwrap_or("")).map_err(ApiError::bad_request)?;
    Ok((labels, fields))
}

fn resource_request(
    shared: &Arc<Shared>,
    group: &str,
    version: &str,
    rest: &[&str],
    r: RequestCtx<'_>,
    ws: Option<WebSocketUpgrade>,
) -> Result<Response, ApiError> {
    let target = parse_target(&lock(&shared.store), group, version, rest)?;
    let Target { res, namespace, name, sub } = &target;
    let ns = namespace.as_deref().unwrap_or("");
    let q = r.query;
    if res.verbs == Verbs::Review {
        return match (r.method, name) {
            ("POST", None) => {
                let mut obj = parse_body(r.body)?;
                set_path(
                    &mut obj,
                    &["status"],
                    json!({"allowed": true, "reason": "the kube emulator allows everything"}),
                );
                Ok(json_response(201, &present(res, &obj)))
            }
            _ => Err(ApiError::method_not_allowed(r.method)),
        };
    }
    match (r.method, name.as_deref(), sub.as_deref()) {
        ("GET", None, None) => {
            let (labels, fields) = selectors(q)?;
            if q.flag("watch") {
                return Ok(watch(shared, res.clone(), namespace.clone(), labels, fields, q, wants_table(r.accept)));
            }
            let store = lock(&shared.store);
            let items: Vec<Value> = store
                .list(res, namespace.as_deref())
                .iter()
                .filter(|o| labels.matches(o) && fields.matches(o))
                .map(|o| present(res, o))
                .collect();
            let rv = store.resource_version();
            if wants_table(r.accept) {
                return Ok(json_response(200, &table(res, &items, rv)));
            }
            Ok(json_response(200, &list_json(res, items, rv)))
        }
        ("GET", Some(name), None | Some("status")) => {
            let store = lock(&shared.store);
            let obj = store.get(&Key::new(res, ns, name)).ok_or_else(|| ApiError::not_found(res, name))?;
            if wants_table(r.accept) {
                return Ok(json_response(200, &table(res, std::slice::from_ref(obj), store.resource_version())));
            }
            Ok(json_response(200, &present(res, obj)))
        }
        ("GET", Some(name), Some("log")) if res.plural == "pods" => {
            must_exist(shared, res, ns, name)?;
            Ok((StatusCode::OK, [(header::CONTENT_TYPE, "text/plain")], "").into_response())
        }
        ("GET" | "POST", Some(name), Some("exec")) if res.plural == "pods" => {
            must_exist(shared, res, ns, name)?;
            let ws = ws.ok_or_else(|| {
                ApiError::bad_request("Upgrade request required: the kube emulator serves exec over WebSocket only")
            })?;
            let req = ExecRequest {
                command: q.commands.clone(),
                stdin: q.flag("stdin"),
                stdout: q.flag("stdout"),
                stderr: q.flag("stderr"),
            };
            Ok(ws.protocols(exec::PROTOCOLS).on_upgrade(move |socket| exec::run(socket, req)))
        }
        ("GET" | "POST", Some(name), Some("portforward")) if res.plural == "pods" => {
            must_exist(shared, res, ns, name)?;
            let ws = ws.ok_or_else(|| {
                ApiError::bad_request(
                    "Upgrade request required: the kube emulator serves portforward over WebSocket only",
                )
            })?;
            let port = portforward::first_port(q.get("ports").unwrap_or_default())
                .ok_or_else(|| ApiError::bad_request("invalid port in ports query"))?;
            let req = portforward::ForwardRequest { pod: Key::new(res, ns, name), port };
            let shared = shared.clone();
            Ok(ws.protocols(exec::PROTOCOLS).on_upgrade(move |socket| portforward::run(socket, shared, req)))
        }
        ("POST", None, None) => {
            if res.namespaced && namespace.is_none() {
                return Err(ApiError::method_not_allowed(r.method));
            }
            let obj = parse_body(r.body)?;
            let created = lock(&shared.store).create(res, ns, obj, dry_run(q, None))?;
            Ok(json_response(201, &present(res, &created)))
        }
        ("PUT", Some(name), None | Some("status")) => {
            let obj = parse_body(r.body)?;
            let updated = lock(&shared.store).update(res, ns, name, obj, sub.is_some(), dry_run(q, None))?;
            Ok(json_response(200, &present(res, &updated)))
        }
        ("PATCH", Some(name), None | Some("status")) => patch(shared, res, ns, name, sub.is_some(), &r),
        ("DELETE", Some(name), None) => {
            let opts = delete_options(r.body);
            let orphan = q.get("propagationPolicy") == Some("Orphan")
                || opts.as_ref().and_then(|o| o.get("propagationPolicy")).and_then(Value::as_str) == Some("Orphan")
                || q.get("orphanDependents") == Some("true");
            let deleted = lock(&shared.store).delete(res, ns, name, orphan, dry_run(q, opts.as_ref()))?;
            if res.group.is_empty() && res.plural == "namespaces"
                || get_path(&deleted, &["metadata", "deletionTimestamp"]).is_some()
            {
                let mut shown = present(res, &deleted);
                if res.plural == "namespaces" {
                    set_path(&mut shown, &["status", "phase"], json!("Terminating"));
                }
                return Ok(json_response(200, &shown));
            }
            let mut d = details(res, name);
            d["uid"] = json!(str_at(&deleted, &["metadata", "uid"]));
            Ok(json_response(200, &success(d)))
        }
        ("DELETE", None, None) => {
            let (labels, fields) = selectors(q)?;
            let opts = delete_options(r.body);
            let dry = dry_run(q, opts.as_ref());
            let mut store = lock(&shared.store);
            let victims: Vec<Value> = store
                .list(res, namespace.as_deref())
                .into_iter()
                .filter(|o| labels.matches(o) && fields.matches(o))
                .collect();
            let mut items = Vec::new();
            for v in victims {
                let vns = str_at(&v, &["metadata", "namespace"]).to_string();
                let vname = str_at(&v, &["metadata", "name"]).to_string();
                if let Ok(d) = store.delete(res, &vns, &vname, false, dry) {
                    items.push(present(res, &d));
                }
            }
            let rv = store.resource_version();
            Ok(json_response(200, &list_json(res, items, rv)))
        }
        _ => Err(ApiError::method_not_allowed(r.method)),
    }
}

fn patch(
    shared: &Arc<Shared>,
    res: &ResourceInfo,
    ns: &str,
    name: &str,
    status_only: bool,
    r: &RequestCtx<'_>,
) -> Result<Response, ApiError> {
    let q = r.query;
    let dry = dry_run(q, None);
    let media = r.content_type.split(';').next().unwrap_or("").trim();
    let key = Key::new(res, ns, name);
    let mut store = lock(&shared.store);
    let live = store.get(&key).cloned();
    if media == "application/apply-patch+yaml" {
        let manager = q.get("fieldManager").unwrap_or("");
        if manager.is_empty() {
            return Err(ApiError::bad_request(
                "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch",
            ));
        }
        // kube-rs sends JSON (a subset of YAML), kubectl YAML.
        let applied = parse_body(r.body)?;
        if !applied.is_object() {
            return Err(ApiError::bad_request("the apply configuration must be an object"));
        }
        let applied_name = str_at(&applied, &["metadata", "name"]);
        if applied_name != name {
            return Err(ApiError::bad_request(format!(
                "the name of the object ({applied_name}) does not match the name on the URL ({name})"
            )));
        }
        let merged = server_side_apply(live.as_ref(), &applied, manager, &res.api_version(), q.flag("force")).map_err(|conflicts| {
            let causes: Vec<Value> = conflicts
                .iter()
                .map(|c| json!({"reason": "FieldManagerConflict", "message": format!("conflict with \"{}\"", c.manager), "field": c.field}))
                .collect();
            let list: Vec<String> = conflicts.iter().map(|c| format!("- conflict with \"{}\": {}", c.manager, c.field)).collect();
            let mut d = details(res, name);
            d["causes"] = json!(causes);
            ApiError::new(409, "Conflict", format!("Apply failed with {} conflict{}: {}", conflicts.len(), if conflicts.len() == 1 { "" } else { "s" }, list.join("\n")))
                .with_details(d)
        })?;
        return match live {
            None if status_only => Err(ApiError::not_found(res, name)),
            None => Ok(json_response(201, &present(res, &store.create(res, ns, merged, dry)?))),
            Some(_) => {
                let mut merged = merged;
                if let Some(meta) = merged.get_mut("metadata").and_then(Value::as_object_mut) {
                    meta.shift_remove("resourceVersion");
                }
                let rv = str_at(&applied, &["metadata", "resourceVersion"]);
                if !rv.is_empty() {
                    set_path(&mut merged, &["metadata", "resourceVersion"], json!(rv));
                }
                Ok(json_response(200, &present(res, &store.update(res, ns, name, merged, status_only, dry)?)))
            }
        };
    }
    let mut obj = live.ok_or_else(|| ApiError::not_found(res, name))?;
    let patch_doc: Value =
        serde_json::from_slice(r.body).map_err(|e| ApiError::bad_request(format!("error decoding patch: {e}")))?;
    // The stored resourceVersion must not turn a merge into a precondition; only one in the patch does.
    if let Some(meta) = obj.get_mut("metadata").and_then(Value::as_object_mut) {
        meta.shift_remove("resourceVersion");
    }
    match media {
        "application/merge-patch+json" | "application/strategic-merge-patch+json" => merge_patch(&mut obj, &patch_doc),
        "application/json-patch+json" => {
            json_patch(&mut obj, &patch_doc).map_err(|e| ApiError::new(422, "Invalid", e.to_string()))?
        }
        other => {
            return Err(ApiError::new(
                415,
                "UnsupportedMediaType",
                format!(
                    "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got {other:?})"
                ),
            ));
        }
    }
    Ok(json_response(200, &present(res, &store.update(res, ns, name, obj, status_only, dry)?)))
}

fn event_line(kind: &str, object: &Value) -> Bytes {
    let mut s = json!({"type": kind, "object": object}).to_string();
    s.push('\n');
    Bytes::from(s)
}

/// Turns stored objects into watch event lines, as objects or (for `kubectl get -w`) one-row Tables whose
/// column definitions come only with the first.
struct Encoder {
    res: ResourceInfo,
    as_table: bool,
    columns_sent: bool,
}

impl Encoder {
    fn line(&mut self, kind: &str, obj: &Value) -> Bytes {
        let shown = present(&self.res, obj);
        if !self.as_table {
            return event_line(kind, &shown);
        }
        let rv = str_at(&shown, &["metadata", "resourceVersion"]).parse().unwrap_or(0);
        let mut t = table(&self.res, std::slice::from_ref(&shown), rv);
        if self.columns_sent
            && let Some(m) = t.as_object_mut()
        {
            m.insert("columnDefinitions".into(), json!([]));
        }
        self.columns_sent = true;
        event_line(kind, &t)
    }
}

fn watch(
    shared: &Arc<Shared>,
    res: ResourceInfo,
    namespace: Option<String>,
    labels: LabelSelector,
    fields: FieldSelector,
    q: &Query,
    as_table: bool,
) -> Response {
    let mut encoder = Encoder { res: res.clone(), as_table, columns_sent: false };
    let timeout = q.get("timeoutSeconds").and_then(|t| t.parse::<u64>().ok()).map(Duration::from_secs);
    let send_initial = q.get("sendInitialEvents") == Some("true");
    let rv_param = q.get("resourceVersion").unwrap_or("").to_string();
    let matches = {
        let res = res.clone();
        move |key: &Key, obj: &Value| {
            key.group == res.group
                && key.plural == res.plural
                && namespace.as_deref().is_none_or(|n| key.namespace == n)
                && labels.matches(obj)
                && fields.matches(obj)
        }
    };
    let (initial, mut rx, end_now) = {
        let store = lock(&shared.store);
        let rx = shared.events.subscribe();
        let mut lines = Vec::new();
        let mut end_now = false;
        if send_initial || rv_param.is_empty() || rv_param == "0" {
            for (_, v) in store.all().filter(|(k, v)| matches(k, v)) {
                lines.push(encoder.line("ADDED", v));
            }
            if send_initial {
                let bookmark = json!({"kind": res.kind, "apiVersion": res.api_version(), "metadata": {
                    "resourceVersion": store.resource_version().to_string(),
                    "annotations": {"k8s.io/initial-events-end": "true"}}});
                lines.push(event_line("BOOKMARK", &bookmark));
            }
        } else {
            match rv_param.parse::<u64>() {
                Ok(rv) if rv >= store.oldest_resumable() => {
                    for e in store.events_since(rv) {
                        if let Some(kind) = e.seen_as(&matches) {
                            lines.push(encoder.line(kind.as_str(), &e.object));
                        }
                    }
                }
                _ => {
                    let gone = ApiError::new(
                        410,
                        "Expired",
                        format!("too old resource version: {rv_param} ({})", store.oldest_resumable()),
                    );
                    lines.push(event_line("ERROR", &gone.to_status()));
                    end_now = true;
                }
            }
        }
        (lines, rx, end_now)
    };
    let (tx, out) = mpsc::channel::<Bytes>(256);
    shared.handle.spawn(async move {
        for line in initial {
            if tx.send(line).await.is_err() {
                return;
            }
        }
        if end_now {
            return;
        }
        let deadline = tokio::time::sleep(timeout.unwrap_or(Duration::from_secs(3600)));
        tokio::pin!(deadline);
        loop {
            tokio::select! {
                ev = rx.recv() => match ev {
                    Ok(e) => {
                        if let Some(kind) = e.seen_as(&matches)
                            && tx.send(encoder.line(kind.as_str(), &e.object)).await.is_err()
                        {
                            return;
                        }
                    }
                    Err(_) => return,
                },
                _ = &mut deadline => return,
                _ = tx.closed() => return,
            }
        }
    });
    let stream = futures_util::stream::unfold(out, |mut out| async move {
        out.recv().await.map(|b| (Ok::<_, std::convert::Infallible>(b), out))
    });
    let mut resp = Response::new(Body::from_stream(stream));
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    resp
}
