{{- /* Helpers of the istiod chart. Booleans are returned as "true" or "" so that `if include ...` works. */}}

{{- /* "-<revision>" for a revisioned control plane, else "". */}}
{{- define "istiod.revSuffix" -}}
{{- with .Values.revision }}-{{ . }}{{ end -}}
{{- end }}

{{- /* istiod's ports by role (argument: the role): HTTP debug and readiness, plaintext xDS, legacy and current
xDS/CA over mTLS, Prometheus metrics, webhooks, and the Service port of the webhooks. */}}
{{- define "istiod.port" -}}
{{- get (dict "debug" "8080" "xds" "15010" "xdsLegacyTLS" "15011" "xdsTLS" "15012" "monitoring" "15014" "webhook" "15017" "webhookService" "443") . -}}
{{- end }}

{{- /* Name of istiod's Deployment, Service, ServiceAccount, Role...: istiod[-<revision>]. */}}
{{- define "istiod.name" -}}
istiod{{ include "istiod.revSuffix" . }}
{{- end }}

{{- /* Revision as written in istio.io/rev labels and selectors. */}}
{{- define "istiod.revLabel" -}}
{{- .Values.revision | default "default" -}}
{{- end }}

{{- /* Namespaced objects are emitted for resourceScope all|namespace. */}}
{{- define "istiod.namespacedScope" -}}
{{- if has .Values.global.resourceScope (list "all" "namespace") }}true{{ end -}}
{{- end }}

{{- /* Cluster-scoped objects are emitted for resourceScope all|cluster. */}}
{{- define "istiod.clusterScope" -}}
{{- if has .Values.global.resourceScope (list "all" "cluster") }}true{{ end -}}
{{- end }}

{{- /* istiod itself runs in this cluster (not remote, or remote with a local injector istiod). */}}
{{- define "istiod.runsHere" -}}
{{- if or (not .Values.istiodRemote.enabled) .Values.istiodRemote.enabledLocalInjectorIstiod }}true{{ end -}}
{{- end }}

{{- /* This cluster holds istiod's configuration: istiod runs here, or the remote cluster is a config cluster. */}}
{{- define "istiod.configHere" -}}
{{- if or (not .Values.istiodRemote.enabled) .Values.global.configCluster .Values.istiodRemote.enabledLocalInjectorIstiod }}true{{ end -}}
{{- end }}

{{- /* Labels of objects that belong to the Pilot component of one revision. */}}
{{- define "istiod.componentLabels" -}}
istio.io/rev: {{ include "istiod.revLabel" . | quote }}
install.operator.istio.io/owning-resource: {{ .Values.ownerName | default "unknown" }}
operator.istio.io/component: Pilot
release: {{ .Release.Name }}
app.kubernetes.io/name: istiod
{{ include "istio.labels" . }}
{{- end }}

{{- /* Labels of istiod's RBAC objects and ServiceAccount. */}}
{{- define "istiod.rbacLabels" -}}
app: istiod
release: {{ .Release.Name }}
app.kubernetes.io/name: istiod
{{ include "istio.labels" . }}
{{- end }}

{{- /* Labels of the istio-reader cluster role and binding. */}}
{{- define "istiod.readerLabels" -}}
app: istio-reader
release: {{ .Release.Name }}
app.kubernetes.io/name: istio-reader
{{ include "istio.labels" . }}
{{- end }}

{{- /* Suffix of cluster-scoped names: [-<revision>]-<release namespace>. */}}
{{- define "istiod.clusterSuffix" -}}
{{ include "istiod.revSuffix" . }}-{{ .Release.Namespace }}
{{- end }}

{{- /* API group of the multicluster services API. */}}
{{- define "istiod.mcsGroup" -}}
{{- .Values.env.MCS_API_GROUP | default "multicluster.x-k8s.io" -}}
{{- end }}

{{- /* The Istio API groups istiod and the reader watch. */}}
{{- define "istiod.istioGroups" -}}
["config.istio.io", "security.istio.io", "networking.istio.io", "authentication.istio.io", "rbac.istio.io", "telemetry.istio.io", "extensions.istio.io"]
{{- end }}

{{- /* Every verb on a resource istiod owns. */}}
{{- define "istiod.allVerbs" -}}
["get", "watch", "list", "update", "patch", "create", "delete"]
{{- end }}

{{- /*
Container resources: `limits` then `requests`, each with only its non-empty entries; a section with no
entry left is dropped.
*/}}
{{- define "istiod.resources" -}}
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

{{- /* Image reference: a `/` in image means a full reference; else hub/image:tag[-variant]. Argument: the
chart root. */}}
{{- define "istiod.image" -}}
{{- if contains "/" .Values.image -}}
{{ .Values.image }}
{{- else -}}
{{ .Values.hub | default .Values.global.hub }}/{{ .Values.image | default "pilot" }}:{{ .Values.tag | default .Values.global.tag }}{{ with .Values.variant | default .Values.global.variant }}-{{ . }}{{ end }}
{{- end -}}
{{- end }}

{{- /* Is the dotted path set (to anything that prints non-empty) in the values? */}}
{{- define "istiod.pathSet" -}}
{{- $node := index . 0 }}
{{- range $part := splitList "." (index . 1) }}
{{- if kindIs "map" $node }}{{ $node = get $node $part }}{{ else }}{{ $node = "" }}{{ end }}
{{- end }}
{{- if and (not (kindIs "invalid" $node)) (ne (toString $node) "") }}true{{ end }}
{{- end }}
