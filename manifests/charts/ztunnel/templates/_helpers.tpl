{{- /* Helpers of the ztunnel chart. */}}

{{- /* Name of the DaemonSet, ServiceAccount and RBAC objects. */}}
{{- define "ztunnel.name" -}}{{ .Values.resourceName | default "ztunnel" }}{{- end }}

{{- define "ztunnel.namespacedScope" -}}
{{- if has .Values.resourceScope (list "all" "namespace") }}true{{ end -}}
{{- end }}

{{- /* ztunnel's ports by role: readiness, metrics, admin, HBONE, outbound and inbound capture, DNS proxy. */}}
{{- define "ztunnel.port" -}}
{{- get (dict "readiness" "15021" "metrics" "15020" "admin" "15000" "hbone" "15008" "outbound" "15001" "inbound" "15006" "dns" "15053") . -}}
{{- end }}

{{- /* Labels of the DaemonSet, ServiceAccount and ResourceQuota. */}}
{{- define "ztunnel.labels" -}}
app.kubernetes.io/name: ztunnel
{{ include "istio.labels" . }}
{{- with .Values.labels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- /* Annotations of the DaemonSet, ServiceAccount and RBAC objects (with istio.io/rev when revisioned). */}}
{{- define "ztunnel.annotations" -}}
{{- $annotations := .Values.annotations | default dict }}
{{- with .Values.revision }}
{{- $annotations = set $annotations "istio.io/rev" . }}
{{- end }}
{{- toYaml $annotations }}
{{- end }}

{{- /* istiod's address for certificates and configuration. */}}
{{- define "ztunnel.istiodAddress" -}}
istiod{{ with .Values.revision }}-{{ . }}{{ end }}.{{ .Values.istioNamespace }}.svc:15012
{{- end }}

{{- /* Container resources: limits and requests with their empty entries (and then empty sections) dropped. */}}
{{- define "ztunnel.resources" -}}
{{- range $section := list "limits" "requests" }}
{{- $entries := dict }}
{{- range $name, $value := (get $ $section | default dict) }}
{{- if $value }}{{ $_ := set $entries $name $value }}{{ end }}
{{- end }}
{{- with $entries }}
{{ $section }}:
{{- range $name, $value := . }}
  {{ $name }}: {{ $value }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
