{{- /*
Helpers of the legacy gateway charts (istio-ingress, istio-egress; identical file in both). A chart's own
settings live under .Values.gateways.<gateway.key>; "gateway.settings" is not a helper because include
returns text, so templates read them with `index .Values.gateways (include "gateway.key" .)`.
*/}}

{{- /* The proxy's own ports by role: readiness/status, the agent's merged Prometheus metrics, Envoy's metrics. */}}
{{- define "gateway.port" -}}
{{- get (dict "status" "15021" "agent" "15020" "envoyMetrics" "15090") . -}}
{{- end }}

{{- /* Labels of the gateway's namespaced objects. Argument: dict root, gw (settings), withGatewayLabels. */}}
{{- define "gateway.objectLabels" -}}
{{- if .withGatewayLabels }}
{{ toYaml .gw.labels }}
{{- end }}
release: {{ .root.Release.Name }}
istio.io/rev: {{ .root.Values.revision | default "default" | quote }}
install.operator.istio.io/owning-resource: {{ .root.Values.ownerName | default "unknown" }}
operator.istio.io/component: {{ include "gateway.component" .root }}
app.kubernetes.io/name: {{ include "gateway.key" .root }}
{{ include "istio.labels" .root }}
{{- end }}

{{- /* Container resources: limits and requests with their empty entries (and then empty sections) dropped. */}}
{{- define "gateway.resources" -}}
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

{{- /*
Pod affinity. Node affinity always carries both keys (null when empty): required terms from global.arch
(architectures with a positive weight) and the node selector (or global.defaultNodeSelector), preferred terms
weighted by global.arch. Pod anti-affinity comes from podAntiAffinityLabelSelector (required) and
podAntiAffinityTermLabelSelector (preferred, weight 100); their `values` and `namespaces` are comma lists.
Argument: dict global, gw.
*/}}
{{- define "gateway.affinity" -}}
{{- $arch := .global.arch | default dict }}
{{- $nodeSelector := .gw.nodeSelector | default .global.defaultNodeSelector }}
nodeAffinity:
  requiredDuringSchedulingIgnoredDuringExecution:
  {{- if or $arch $nodeSelector }}
    nodeSelectorTerms:
    - matchExpressions:
      {{- if $arch }}
      - key: kubernetes.io/arch
        operator: In
        values:
        {{- range $name, $weight := $arch }}
        {{- if gt (int $weight) 0 }}
        - {{ $name | quote }}
        {{- end }}
        {{- end }}
      {{- end }}
      {{- range $key, $value := $nodeSelector }}
      - key: {{ $key }}
        operator: In
        values:
        - {{ $value | quote }}
      {{- end }}
  {{- end }}
  preferredDuringSchedulingIgnoredDuringExecution:
  {{- range $name, $weight := $arch }}
  {{- if gt (int $weight) 0 }}
  - weight: {{ int $weight }}
    preference:
      matchExpressions:
      - key: kubernetes.io/arch
        operator: In
        values:
        - {{ $name | quote }}
  {{- end }}
  {{- end }}
{{- if or .gw.podAntiAffinityLabelSelector .gw.podAntiAffinityTermLabelSelector }}
podAntiAffinity:
  {{- with .gw.podAntiAffinityLabelSelector }}
  requiredDuringSchedulingIgnoredDuringExecution:
  {{- range $term := . }}
  - labelSelector:
      matchExpressions:
      - {{ include "gateway.antiAffinityExpression" $term }}
    topologyKey: {{ $term.topologyKey }}
    {{- with $term.namespaces }}
    namespaces:
    {{- range splitList "," . }}
    - {{ . | quote }}
    {{- end }}
    {{- end }}
  {{- end }}
  {{- end }}
  {{- with .gw.podAntiAffinityTermLabelSelector }}
  preferredDuringSchedulingIgnoredDuringExecution:
  {{- range $term := . }}
  - weight: 100
    podAffinityTerm:
      labelSelector:
        matchExpressions:
        - {{ include "gateway.antiAffinityExpression" $term }}
      topologyKey: {{ $term.topologyKey }}
  {{- end }}
  {{- end }}
{{- end }}
{{- end }}

{{- /* One label-selector expression of an anti-affinity term (key, operator, comma-separated values), as JSON. */}}
{{- define "gateway.antiAffinityExpression" -}}
{{- $expression := dict "key" .key "operator" .operator }}
{{- with .values }}{{ $_ := set $expression "values" (splitList "," .) }}{{ end }}
{{- toJson $expression }}
{{- end }}

{{- /* Security context of the gateway pod (unless runAsRoot): OpenShift assigns the user itself. */}}
{{- define "gateway.podSecurityContext" -}}
{{- if ne (coalesce .Values.platform .Values.global.platform | default "") "openshift" }}
runAsUser: 1337
runAsGroup: 1337
{{- end }}
runAsNonRoot: true
{{- end }}

{{- /* The proxy container's hardened security context (unless runAsRoot). */}}
{{- define "gateway.containerSecurityContext" -}}
allowPrivilegeEscalation: false
capabilities:
  drop:
  - ALL
privileged: false
readOnlyRootFilesystem: true
{{- end }}

{{- /* Pod template labels shared by the plain and the injected Deployment. Argument: dict root, gw. */}}
{{- define "gateway.podLegacyLabels" -}}
{{ toYaml .gw.labels }}
{{- if eq .root.Release.Namespace "istio-system" }}
heritage: Tiller
release: istio
chart: gateways
{{- end }}
service.istio.io/canonical-name: {{ .gw.name }}
service.istio.io/canonical-revision: {{ index .gw.labels "app.kubernetes.io/version" | default (index .gw.labels "version") | default .root.Values.revision | default "latest" | quote }}
install.operator.istio.io/owning-resource: {{ .root.Values.ownerName | default "unknown" }}
operator.istio.io/component: {{ include "gateway.component" .root }}
app.kubernetes.io/name: {{ include "gateway.key" .root }}
{{ include "istio.labels" .root }}
{{- end }}

{{- /* Container ports: the Service's target ports, then Envoy's Prometheus port. */}}
{{- define "gateway.containerPorts" -}}
{{- range $port := .ports }}
- containerPort: {{ $port.targetPort | default $port.port }}
  protocol: {{ $port.protocol | default "TCP" }}
{{- end }}
- containerPort: {{ include "gateway.port" "envoyMetrics" }}
  protocol: TCP
  name: http-envoy-prom
{{- end }}

{{- /* Volume mounts and volumes of secretVolumes / configVolumes. Argument: gw. */}}
{{- define "gateway.userVolumeMounts" -}}
{{- range .secretVolumes }}
- name: {{ .name }}
  mountPath: {{ .mountPath | quote }}
  readOnly: true
{{- end }}
{{- range .configVolumes }}
{{- if .mountPath }}
- name: {{ .name }}
  mountPath: {{ .mountPath | quote }}
  readOnly: true
{{- end }}
{{- end }}
{{- end }}
{{- define "gateway.userVolumes" -}}
{{- range .secretVolumes }}
- name: {{ .name }}
  secret:
    secretName: {{ .secretName | quote }}
    optional: true
{{- end }}
{{- range .configVolumes }}
- name: {{ .name }}
  configMap:
    name: {{ .configMapName | quote }}
    optional: true
{{- end }}
{{- end }}

{{- /* Pod scheduling: affinity and tolerations (the gateway's, else global.defaultTolerations). */}}
{{- define "gateway.scheduling" -}}
{{- $gw := index .Values.gateways (include "gateway.key" .) }}
affinity:
  {{- include "gateway.affinity" (dict "global" .Values.global "gw" $gw) | nindent 2 }}
{{- with $gw.tolerations | default .Values.global.defaultTolerations }}
tolerations:
{{- toYaml . | nindent 0 }}
{{- end }}
{{- end }}

{{- /* Environment of the gateway proxy. Argument: dict root, gw, name (Deployment name). */}}
{{- define "gateway.proxyEnv" -}}
{{- $v := .root.Values }}
- name: PILOT_CERT_PROVIDER
  value: {{ $v.global.pilotCertProvider }}
- name: CA_ADDR
  value: {{ $v.global.caAddress | default (printf "istiod%s.%s.svc:15012" (ternary "" (printf "-%s" $v.revision) (eq $v.revision "")) $v.global.istioNamespace) }}
{{- range $pair := list (list "NODE_NAME" "spec.nodeName") (list "POD_NAME" "metadata.name") (list "POD_NAMESPACE" "metadata.namespace") (list "INSTANCE_IP" "status.podIP") (list "HOST_IP" "status.hostIP") }}
{{- $name := index $pair 0 }}{{- $path := index $pair 1 }}
- name: {{ $name }}
  valueFrom:
    fieldRef:
      apiVersion: v1
      fieldPath: {{ $path }}
{{- end }}
- name: ISTIO_CPU_LIMIT
  valueFrom:
    resourceFieldRef:
      resource: limits.cpu
      divisor: "1"
- name: SERVICE_ACCOUNT
  valueFrom:
    fieldRef:
      fieldPath: spec.serviceAccountName
- name: ISTIO_META_WORKLOAD_NAME
  value: {{ .name }}
- name: ISTIO_META_OWNER
  value: kubernetes://apis/apps/v1/namespaces/{{ .root.Release.Namespace }}/deployments/{{ .name }}
{{- with $v.global.meshID | default $v.meshConfig.trustDomain }}
- name: ISTIO_META_MESH_ID
  value: {{ . | toString | quote }}
{{- end }}
{{- with $v.meshConfig.trustDomain }}
- name: TRUST_DOMAIN
  value: {{ . | toString | quote }}
{{- end }}
{{- if not .gw.runAsRoot }}
- name: ISTIO_META_UNPRIVILEGED_POD
  value: "true"
{{- end }}
{{- range $key, $value := .gw.env }}
- name: {{ $key }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- range $key, $value := (($v.meshConfig.defaultConfig | default dict).proxyMetadata | default dict) }}
- name: {{ $key }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- if and (not (index (.gw.env | default dict) "ISTIO_META_NETWORK")) $v.global.network }}
- name: ISTIO_META_NETWORK
  value: {{ $v.global.network | toString | quote }}
{{- end }}
- name: ISTIO_META_CLUSTER_ID
  value: {{ $v.global.multiCluster.clusterName | default "Kubernetes" | quote }}
- name: ISTIO_META_NODE_NAME
  valueFrom:
    fieldRef:
      fieldPath: spec.nodeName
{{- end }}

{{- /* Volumes of the complete (not injected) gateway pod. Argument: dict root, gw. */}}
{{- define "gateway.proxyVolumes" -}}
{{- $v := .root.Values }}
{{- range $name := list "workload-socket" "credential-socket" "workload-certs" }}
- name: {{ $name }}
  emptyDir: {}
{{- end }}
{{- if eq $v.global.pilotCertProvider "istiod" }}
- name: istiod-ca-cert
  {{- if eq (($v.pilot | default dict).env | default dict).ENABLE_CLUSTER_TRUST_BUNDLE_API true }}
  projected:
    sources:
    - clusterTrustBundle:
        name: istio.io:istiod-ca:{{ $v.global.trustBundleName | default "root-cert" }}
        path: root-cert.pem
  {{- else }}
  configMap:
    name: {{ $v.global.trustBundleName | default "istio-ca-root-cert" }}
  {{- end }}
{{- end }}
- name: podinfo
  downwardAPI:
    items:
    - path: labels
      fieldRef:
        fieldPath: metadata.labels
    - path: annotations
      fieldRef:
        fieldPath: metadata.annotations
- name: istio-envoy
  emptyDir: {}
- name: istio-data
  emptyDir: {}
- name: istio-token
  projected:
    sources:
    - serviceAccountToken:
        path: istio-token
        expirationSeconds: 43200
        audience: {{ $v.global.sds.token.aud }}
{{- if $v.global.mountMtlsCerts }}
- name: istio-certs
  secret:
    secretName: istio.{{ include "gateway.key" .root }}-service-account
    optional: true
{{- end }}
- name: config-volume
  configMap:
    name: istio{{ with $v.revision }}-{{ . }}{{ end }}
    optional: true
{{- end }}
