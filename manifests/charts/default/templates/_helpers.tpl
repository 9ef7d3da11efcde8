{{- /* Helpers of the default-tag chart. */}}

{{- /* Name of the istiod Service of the tagged revision. */}}
{{- define "tag.istiod" -}}
istiod{{ with .Values.revision }}-{{ . }}{{ end }}
{{- end }}

{{- /* One injection webhook entry. Argument: dict root, prefix. */}}
{{- define "tag.injectionWebhook" -}}
{{- $v := .root.Values }}
- name: {{ .prefix }}sidecar-injector.istio.io
  admissionReviewVersions: ["v1"]
  sideEffects: None
  failurePolicy: Fail
  rules:
  - operations: ["CREATE"]
    apiGroups: [""]
    apiVersions: ["v1"]
    resources: ["pods"]
  clientConfig:
    {{- with $v.istiodRemote.injectionURL }}
    url: {{ . }}
    {{- else }}
    service:
      name: {{ include "tag.istiod" .root }}
      namespace: {{ .root.Release.Namespace }}
      path: /inject
    {{- end }}
{{- end }}
