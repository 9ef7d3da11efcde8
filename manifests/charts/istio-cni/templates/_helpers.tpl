{{- /* Helpers of the istio-cni chart. */}}

{{- /* Base name of the CNI agent's objects. */}}
{{- define "cni.name" -}}istio-cni{{- end }}

{{- define "cni.namespacedScope" -}}
{{- if has .Values.global.resourceScope (list "all" "namespace") }}true{{ end -}}
{{- end }}

{{- define "cni.clusterScope" -}}
{{- if has .Values.global.resourceScope (list "all" "cluster") }}true{{ end -}}
{{- end }}

{{- /* The agent's ports by role: Prometheus metrics and readiness. */}}
{{- define "cni.port" -}}
{{- get (dict "metrics" "15014" "readiness" "8000") . -}}
{{- end }}

{{- /* Labels of the Cni component's objects, after the object's own app/k8s-app label. */}}
{{- define "cni.componentLabels" -}}
release: {{ .Release.Name }}
istio.io/rev: {{ .Values.revision | default "default" }}
install.operator.istio.io/owning-resource: {{ .Values.ownerName | default "unknown" }}
operator.istio.io/component: Cni
app.kubernetes.io/name: {{ include "cni.name" . }}
{{ include "istio.labels" . }}
{{- end }}

{{- /* Platform from values or global (openshift changes permissions). */}}
{{- define "cni.platform" -}}
{{- coalesce .Values.platform .Values.global.platform | default "" -}}
{{- end }}

{{- /* Container resources: limits and requests with their empty entries (and then empty sections) dropped. */}}
{{- define "cni.resources" -}}
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
