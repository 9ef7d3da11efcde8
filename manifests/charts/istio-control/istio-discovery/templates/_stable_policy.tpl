{{- /*
Spec of the stable-channel ValidatingAdmissionPolicy (shared by base and istiod; identical file in both).
Argument: the revision whose objects the policy selects, or "" to select all objects.
Rejects: EnvoyFilter, WasmPlugin, ProxyConfig; Telemetry using useRequestIdForTraceSampling,
reportingInterval or access-log filters; AuthorizationPolicy sources using trustDomains/notTrustDomains.
*/}}
{{- define "istio.stablePolicySpec" -}}
failurePolicy: Fail
matchConstraints:
  resourceRules:
  - apiGroups: [security.istio.io, networking.istio.io, telemetry.istio.io, extensions.istio.io]
    apiVersions: ["*"]
    operations: [CREATE, UPDATE]
    resources: ["*"]
  {{- with . }}
  objectSelector:
    matchExpressions:
    - key: istio.io/rev
      operator: In
      values: [{{ . | quote }}]
  {{- end }}
variables:
{{- range $kind := list "EnvoyFilter" "WasmPlugin" "ProxyConfig" "Telemetry" "AuthorizationPolicy" }}
- name: is{{ $kind }}
  expression: {{ printf "object.kind == '%s'" $kind | quote }}
{{- end }}
validations:
{{- range $kind := list "EnvoyFilter" "WasmPlugin" "ProxyConfig" }}
- expression: {{ printf "!variables.is%s" $kind | quote }}
{{- end }}
- expression: |
    !(
      variables.isTelemetry && (
        (has(object.spec.tracing) ? object.spec.tracing : {}).exists(t, has(t.useRequestIdForTraceSampling)) ||
        (has(object.spec.metrics) ? object.spec.metrics : {}).exists(m, has(m.reportingInterval)) ||
        (has(object.spec.accessLogging) ? object.spec.accessLogging : {}).exists(l, has(l.filter))
      )
    )
- expression: |
    !(
      variables.isAuthorizationPolicy &&
      has(object.spec.rules) &&
      object.spec.rules.exists(r,
        has(r.from) && r.from.exists(f,
          has(f.source) && (has(f.source.trustDomains) || has(f.source.notTrustDomains))
        )
      )
    )
{{- end }}
