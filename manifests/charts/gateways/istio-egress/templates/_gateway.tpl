{{- /* What makes this chart the egress gateway chart; every other template is shared with istio-ingress. */}}
{{- define "gateway.key" }}istio-egressgateway{{ end }}
{{- define "gateway.component" }}EgressGateways{{ end }}
{{- define "gateway.extraPortsKey" }}egressPorts{{ end }}
