{{- /* What makes this chart the ingress gateway chart; every other template is shared with istio-egress. */}}
{{- define "gateway.key" }}istio-ingressgateway{{ end }}
{{- define "gateway.component" }}IngressGateways{{ end }}
{{- define "gateway.extraPortsKey" }}ingressPorts{{ end }}
