//! Rough timing of parse and execute on a chart-like template (run with --release).
use std::time::Instant;

const TEXT: &str = r#"{{- define "labels" -}}
app: {{ .Values.name | quote }}
version: {{ .Values.version | default "v1" }}
{{- range $k, $v := .Values.extraLabels }}
{{ $k }}: {{ $v | quote }}
{{- end }}
{{- end -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Values.name }}
  labels:
    {{- include "labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicas }}
  template:
    spec:
      containers:
{{- range $i, $c := .Values.containers }}
      - name: {{ $c.name }}
        image: "{{ $.Values.hub }}/{{ $c.image }}:{{ $.Values.tag }}"
        {{- if $c.ports }}
        ports:
        {{- range $c.ports }}
        - containerPort: {{ . }}
        {{- end }}
        {{- end }}
        env:
        {{- range $k, $v := $.Values.env }}
        - name: {{ $k }}
          value: {{ $v | quote }}
        {{- end }}
        {{- if and $.Values.resources (not (eq $.Values.profile "demo")) }}
        resources: {{ $.Values.resources | toJson }}
        {{- end }}
{{- end }}
"#;

fn main() {
    let mut t = gotmpl::Template::new();
    t.add_funcs(gotmpl::sprig_funcs());
    t.add_func(
        "include",
        gotmpl::func(|ctx, a| {
            let n = gotmpl::arg_str(a, 0)?.to_string();
            Ok(gotmpl::Value::string(ctx.execute_template(&n, a.get(1).unwrap_or(&gotmpl::Value::Nil))?))
        }),
    );
    let start = Instant::now();
    let n: u32 = std::env::var("N").ok().and_then(|v| v.parse().ok()).unwrap_or(1000);
    for _ in 0..n {
        let mut t2 = t.clone();
        t2.parse("deploy", TEXT).map(|_| ()).unwrap_or_else(|e| panic!("{e}"));
    }
    let parse = start.elapsed() / n;
    t.parse("deploy", TEXT).map(|_| ()).unwrap_or_else(|e| panic!("{e}"));
    let containers: Vec<serde_json::Value> = (0..5)
        .map(|i| serde_json::json!({"name": format!("c{i}"), "image": "proxy", "ports": [8080, 15090]}))
        .collect();
    let env: serde_json::Map<String, serde_json::Value> =
        (0..20).map(|i| (format!("ENV_{i}"), serde_json::json!(format!("value-{i}")))).collect();
    let data = gotmpl::Value::from_json_f64(&serde_json::json!({"Values": {
        "name": "istiod", "replicas": 1, "hub": "docker.io/istio", "tag": "1.30.3", "profile": "default",
        "extraLabels": {"a": "1", "b": "2"}, "containers": containers, "env": env,
        "resources": {"requests": {"cpu": "500m", "memory": "2048Mi"}}}}));
    let start = Instant::now();
    let mut len = 0;
    for _ in 0..n {
        len += t.execute("deploy", &data).map(|s| s.len()).unwrap_or_else(|e| panic!("{e}"));
    }
    let exec = start.elapsed() / n;
    println!("parse {parse:?}/iter, execute {exec:?}/iter, output {} bytes", len / n as usize);
}
