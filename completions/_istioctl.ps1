
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'istioctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'istioctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'istioctl' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove Istio from a cluster')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print version information')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print the shell completion script for the given shell')
            [CompletionResult]::new('verify-install', 'verify-install', [CompletionResultType]::ParameterValue, 'Verify that Istio is installed as an IstioOperator describes, and show the mesh TLS settings')
            [CompletionResult]::new('experimental', 'experimental', [CompletionResultType]::ParameterValue, 'Experimental commands that may be modified or deprecated')
            [CompletionResult]::new('x', 'x', [CompletionResultType]::ParameterValue, 'Experimental commands that may be modified or deprecated')
            [CompletionResult]::new('exp', 'exp', [CompletionResultType]::ParameterValue, 'Experimental commands that may be modified or deprecated')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Render an Istio manifest and apply it to a cluster, installing or reconfiguring Istio')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Render an Istio manifest and apply it to a cluster, installing or reconfiguring Istio')
            [CompletionResult]::new('upgrade', 'upgrade', [CompletionResultType]::ParameterValue, 'Upgrade the Istio control plane in place')
            [CompletionResult]::new('manifest', 'manifest', [CompletionResultType]::ParameterValue, 'Work with Istio install manifests')
            [CompletionResult]::new('kube-inject', 'kube-inject', [CompletionResultType]::ParameterValue, 'Add the Istio sidecar to Kubernetes workload resources')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'istioctl;uninstall' {
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation: every question is answered yes')
            [CompletionResult]::new('--skip-confirmation', '--skip-confirmation', [CompletionResultType]::ParameterName, 'Do not ask for confirmation: every question is answered yes')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Accepted for compatibility; has no effect (as upstream)')
            [CompletionResult]::new('--purge', '--purge', [CompletionResultType]::ParameterName, 'Remove every Istio resource, of every version and revision')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control plane revision to remove')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control plane revision to remove')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'IstioOperator file describing what to remove (if given several times, the last one counts)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'IstioOperator file describing what to remove (if given several times, the last one counts)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)')
            [CompletionResult]::new('--manifests', '--manifests', [CompletionResultType]::ParameterName, 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also list the resources that will be removed')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also list the resources that will be removed')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only report what would be done; change nothing')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'istioctl;version' {
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Print only the version numbers; use --short=false for the full build information')
            [CompletionResult]::new('--short', '--short', [CompletionResultType]::ParameterName, 'Print only the version numbers; use --short=false for the full build information')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: ''yaml'' or ''json''')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: ''yaml'' or ''json''')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Also ask the cluster for control- and data-plane versions; use --remote=false to skip that')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control plane revision')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control plane revision')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'istioctl;completion' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('bash', 'bash', [CompletionResultType]::ParameterValue, 'Print the completion script for bash')
            [CompletionResult]::new('zsh', 'zsh', [CompletionResultType]::ParameterValue, 'Print the completion script for zsh')
            [CompletionResult]::new('fish', 'fish', [CompletionResultType]::ParameterValue, 'Print the completion script for fish')
            [CompletionResult]::new('powershell', 'powershell', [CompletionResultType]::ParameterValue, 'Print the completion script for PowerShell')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'istioctl;completion;bash' {
            [CompletionResult]::new('--no-descriptions', '--no-descriptions', [CompletionResultType]::ParameterName, 'Leave the descriptions of commands and flags out of the completions')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'istioctl;completion;zsh' {
            [CompletionResult]::new('--no-descriptions', '--no-descriptions', [CompletionResultType]::ParameterName, 'Leave the descriptions of commands and flags out of the completions')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'istioctl;completion;fish' {
            [CompletionResult]::new('--no-descriptions', '--no-descriptions', [CompletionResultType]::ParameterName, 'Leave the descriptions of commands and flags out of the completions')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'istioctl;completion;powershell' {
            [CompletionResult]::new('--no-descriptions', '--no-descriptions', [CompletionResultType]::ParameterName, 'Leave the descriptions of commands and flags out of the completions')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'istioctl;completion;help' {
            [CompletionResult]::new('bash', 'bash', [CompletionResultType]::ParameterValue, 'Print the completion script for bash')
            [CompletionResult]::new('zsh', 'zsh', [CompletionResultType]::ParameterValue, 'Print the completion script for zsh')
            [CompletionResult]::new('fish', 'fish', [CompletionResultType]::ParameterValue, 'Print the completion script for fish')
            [CompletionResult]::new('powershell', 'powershell', [CompletionResultType]::ParameterValue, 'Print the completion script for PowerShell')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'istioctl;completion;help;bash' {
            break
        }
        'istioctl;completion;help;zsh' {
            break
        }
        'istioctl;completion;help;fish' {
            break
        }
        'istioctl;completion;help;powershell' {
            break
        }
        'istioctl;completion;help;help' {
            break
        }
        'istioctl;verify-install' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)')
            [CompletionResult]::new('--manifests', '--manifests', [CompletionResultType]::ParameterName, 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control plane revision the command acts on')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control plane revision the command acts on')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Carry on even when the configuration does not pass validation')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: text or json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'istioctl;experimental' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('tls-check', 'tls-check', [CompletionResultType]::ParameterValue, 'Check which TLS versions a mesh endpoint accepts against the configured minimum')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'istioctl;x' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('tls-check', 'tls-check', [CompletionResultType]::ParameterValue, 'Check which TLS versions a mesh endpoint accepts against the configured minimum')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'istioctl;exp' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('tls-check', 'tls-check', [CompletionResultType]::ParameterValue, 'Check which TLS versions a mesh endpoint accepts against the configured minimum')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'istioctl;experimental;tls-check' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Endpoint to probe from where istioctl runs (HOST:PORT)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Pod to run the probes in (with -n for its namespace); needs --to')
            [CompletionResult]::new('--container', '--container', [CompletionResultType]::ParameterName, 'Container of --from that runs openssl')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Endpoint the pod given by --from connects to (HOST:PORT)')
            [CompletionResult]::new('--expect', '--expect', [CompletionResultType]::ParameterName, 'Expected minimum version (TLS_AUTO, TLSV1_2, TLSV1_3); default: meshMTLS.minProtocolVersion of the cluster')
            [CompletionResult]::new('--alpn', '--alpn', [CompletionResultType]::ParameterName, 'ALPN protocols to offer, comma-separated; empty for none')
            [CompletionResult]::new('--sni', '--sni', [CompletionResultType]::ParameterName, 'Server name (SNI) to send')
            [CompletionResult]::new('--ca', '--ca', [CompletionResultType]::ParameterName, 'Verify the server certificate against the CA certificates in this PEM file (--address only)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long each connection and handshake may take')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control plane revision whose mesh ConfigMap gives the expected minimum')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control plane revision whose mesh ConfigMap gives the expected minimum')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: text or json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'istioctl;x;tls-check' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Endpoint to probe from where istioctl runs (HOST:PORT)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Pod to run the probes in (with -n for its namespace); needs --to')
            [CompletionResult]::new('--container', '--container', [CompletionResultType]::ParameterName, 'Container of --from that runs openssl')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Endpoint the pod given by --from connects to (HOST:PORT)')
            [CompletionResult]::new('--expect', '--expect', [CompletionResultType]::ParameterName, 'Expected minimum version (TLS_AUTO, TLSV1_2, TLSV1_3); default: meshMTLS.minProtocolVersion of the cluster')
            [CompletionResult]::new('--alpn', '--alpn', [CompletionResultType]::ParameterName, 'ALPN protocols to offer, comma-separated; empty for none')
            [CompletionResult]::new('--sni', '--sni', [CompletionResultType]::ParameterName, 'Server name (SNI) to send')
            [CompletionResult]::new('--ca', '--ca', [CompletionResultType]::ParameterName, 'Verify the server certificate against the CA certificates in this PEM file (--address only)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long each connection and handshake may take')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control plane revision whose mesh ConfigMap gives the expected minimum')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control plane revision whose mesh ConfigMap gives the expected minimum')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: text or json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'istioctl;exp;tls-check' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Endpoint to probe from where istioctl runs (HOST:PORT)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Pod to run the probes in (with -n for its namespace); needs --to')
            [CompletionResult]::new('--container', '--container', [CompletionResultType]::ParameterName, 'Container of --from that runs openssl')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Endpoint the pod given by --from connects to (HOST:PORT)')
            [CompletionResult]::new('--expect', '--expect', [CompletionResultType]::ParameterName, 'Expected minimum version (TLS_AUTO, TLSV1_2, TLSV1_3); default: meshMTLS.minProtocolVersion of the cluster')
            [CompletionResult]::new('--alpn', '--alpn', [CompletionResultType]::ParameterName, 'ALPN protocols to offer, comma-separated; empty for none')
            [CompletionResult]::new('--sni', '--sni', [CompletionResultType]::ParameterName, 'Server name (SNI) to send')
            [CompletionResult]::new('--ca', '--ca', [CompletionResultType]::ParameterName, 'Verify the server certificate against the CA certificates in this PEM file (--address only)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long each connection and handshake may take')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control plane revision whose mesh ConfigMap gives the expected minimum')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control plane revision whose mesh ConfigMap gives the expected minimum')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: text or json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: text or json')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'istioctl;experimental;help' {
            [CompletionResult]::new('tls-check', 'tls-check', [CompletionResultType]::ParameterValue, 'Check which TLS versions a mesh endpoint accepts against the configured minimum')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'istioctl;experimental;help;tls-check' {
            break
        }
        'istioctl;experimental;help;help' {
            break
        }
        'istioctl;x;help' {
            [CompletionResult]::new('tls-check', 'tls-check', [CompletionResultType]::ParameterValue, 'Check which TLS versions a mesh endpoint accepts against the configured minimum')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'istioctl;x;help;tls-check' {
            break
        }
        'istioctl;x;help;help' {
            break
        }
        'istioctl;exp;help' {
            [CompletionResult]::new('tls-check', 'tls-check', [CompletionResultType]::ParameterValue, 'Check which TLS versions a mesh endpoint accepts against the configured minimum')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'istioctl;exp;help;tls-check' {
            break
        }
        'istioctl;exp;help;help' {
            break
        }
        'istioctl;install' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)')
            [CompletionResult]::new('--manifests', '--manifests', [CompletionResultType]::ParameterName, 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control plane revision the command acts on')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control plane revision the command acts on')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Carry on even when the configuration does not pass validation')
            [CompletionResult]::new('--readiness-timeout', '--readiness-timeout', [CompletionResultType]::ParameterName, 'How long to wait, for each component, until its resources are ready (Go duration syntax)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation: every question is answered yes')
            [CompletionResult]::new('--skip-confirmation', '--skip-confirmation', [CompletionResultType]::ParameterName, 'Do not ask for confirmation: every question is answered yes')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Check the control plane after installing (accepted for compatibility; Istio 1.30 does nothing with it)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only report what would be done; change nothing')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'istioctl;apply' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)')
            [CompletionResult]::new('--manifests', '--manifests', [CompletionResultType]::ParameterName, 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control plane revision the command acts on')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control plane revision the command acts on')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Carry on even when the configuration does not pass validation')
            [CompletionResult]::new('--readiness-timeout', '--readiness-timeout', [CompletionResultType]::ParameterName, 'How long to wait, for each component, until its resources are ready (Go duration syntax)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation: every question is answered yes')
            [CompletionResult]::new('--skip-confirmation', '--skip-confirmation', [CompletionResultType]::ParameterName, 'Do not ask for confirmation: every question is answered yes')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Check the control plane after installing (accepted for compatibility; Istio 1.30 does nothing with it)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only report what would be done; change nothing')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'istioctl;upgrade' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)')
            [CompletionResult]::new('--manifests', '--manifests', [CompletionResultType]::ParameterName, 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control plane revision the command acts on')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control plane revision the command acts on')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Carry on even when the configuration does not pass validation')
            [CompletionResult]::new('--readiness-timeout', '--readiness-timeout', [CompletionResultType]::ParameterName, 'How long to wait, for each component, until its resources are ready (Go duration syntax)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation: every question is answered yes')
            [CompletionResult]::new('--skip-confirmation', '--skip-confirmation', [CompletionResultType]::ParameterName, 'Do not ask for confirmation: every question is answered yes')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Check the control plane after installing (accepted for compatibility; Istio 1.30 does nothing with it)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only report what would be done; change nothing')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'istioctl;manifest' {
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only report what would be done; change nothing')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Render an Istio install manifest')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Render an Istio manifest and apply it to a cluster, installing or reconfiguring Istio')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Render an Istio manifest and apply it to a cluster, installing or reconfiguring Istio')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'istioctl;manifest;generate' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)')
            [CompletionResult]::new('--manifests', '--manifests', [CompletionResultType]::ParameterName, 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control plane revision the command acts on')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control plane revision the command acts on')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Carry on even when the configuration does not pass validation')
            [CompletionResult]::new('--cluster-specific', '--cluster-specific', [CompletionResultType]::ParameterName, 'Ask the current cluster for settings that depend on it (such as the platform) instead of using generic defaults')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Components to render (accepted for compatibility; upstream ignores it too)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only report what would be done; change nothing')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'istioctl;manifest;install' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)')
            [CompletionResult]::new('--manifests', '--manifests', [CompletionResultType]::ParameterName, 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control plane revision the command acts on')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control plane revision the command acts on')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Carry on even when the configuration does not pass validation')
            [CompletionResult]::new('--readiness-timeout', '--readiness-timeout', [CompletionResultType]::ParameterName, 'How long to wait, for each component, until its resources are ready (Go duration syntax)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation: every question is answered yes')
            [CompletionResult]::new('--skip-confirmation', '--skip-confirmation', [CompletionResultType]::ParameterName, 'Do not ask for confirmation: every question is answered yes')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Check the control plane after installing (accepted for compatibility; Istio 1.30 does nothing with it)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only report what would be done; change nothing')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'istioctl;manifest;apply' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)')
            [CompletionResult]::new('--manifests', '--manifests', [CompletionResultType]::ParameterName, 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control plane revision the command acts on')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control plane revision the command acts on')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Carry on even when the configuration does not pass validation')
            [CompletionResult]::new('--readiness-timeout', '--readiness-timeout', [CompletionResultType]::ParameterName, 'How long to wait, for each component, until its resources are ready (Go duration syntax)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation: every question is answered yes')
            [CompletionResult]::new('--skip-confirmation', '--skip-confirmation', [CompletionResultType]::ParameterName, 'Do not ask for confirmation: every question is answered yes')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Check the control plane after installing (accepted for compatibility; Istio 1.30 does nothing with it)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only report what would be done; change nothing')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'istioctl;manifest;help' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Render an Istio install manifest')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Render an Istio manifest and apply it to a cluster, installing or reconfiguring Istio')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'istioctl;manifest;help;generate' {
            break
        }
        'istioctl;manifest;help;install' {
            break
        }
        'istioctl;manifest;help;help' {
            break
        }
        'istioctl;kube-inject' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Kubernetes resources to inject into; `-` reads stdin')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'Kubernetes resources to inject into; `-` reads stdin')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'File to write the injected resources to (default: stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'File to write the injected resources to (default: stdout)')
            [CompletionResult]::new('--meshConfigFile', '--meshConfigFile', [CompletionResultType]::ParameterName, 'Mesh configuration file; used instead of the --meshConfigMapName ConfigMap')
            [CompletionResult]::new('--injectConfigFile', '--injectConfigFile', [CompletionResultType]::ParameterName, 'Injection configuration file (sidecar templates); cannot be combined with --injectConfigMapName')
            [CompletionResult]::new('--valuesFile', '--valuesFile', [CompletionResultType]::ParameterName, 'Injection values file (JSON or YAML)')
            [CompletionResult]::new('--operatorFileName', '--operatorFileName', [CompletionResultType]::ParameterName, 'IstioOperator file whose mesh config and values take precedence over the files above')
            [CompletionResult]::new('--meshConfigMapName', '--meshConfigMapName', [CompletionResultType]::ParameterName, 'ConfigMap holding the mesh configuration (key "mesh")')
            [CompletionResult]::new('--injectConfigMapName', '--injectConfigMapName', [CompletionResultType]::ParameterName, 'ConfigMap holding the injection configuration (key "config")')
            [CompletionResult]::new('--webhookConfig', '--webhookConfig', [CompletionResultType]::ParameterName, 'Name of Istio''s MutatingWebhookConfiguration (used in messages)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Control plane revision')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Control plane revision')
            [CompletionResult]::new('--xds-address', '--xds-address', [CompletionResultType]::ParameterName, 'XDS endpoint of the control plane')
            [CompletionResult]::new('--cert-dir', '--cert-dir', [CompletionResultType]::ParameterName, 'Directory with the certificates for the XDS endpoint')
            [CompletionResult]::new('--xds-label', '--xds-label', [CompletionResultType]::ParameterName, 'Label selector of the istiod pods to use')
            [CompletionResult]::new('--xds-port', '--xds-port', [CompletionResultType]::ParameterName, 'Port of istiod''s XDS endpoint')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait before giving up (Go duration syntax)')
            [CompletionResult]::new('--authority', '--authority', [CompletionResultType]::ParameterName, 'Subject Alternative Name expected from the XDS endpoint (e.g. istiod.istio-system.svc)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the server''s certificate and name (NOT SECURE)')
            [CompletionResult]::new('--plaintext', '--plaintext', [CompletionResultType]::ParameterName, 'Talk plain-text HTTP/2 to the server (no TLS)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Kubernetes namespace to work in')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--kubeconfig', '--kubeconfig', [CompletionResultType]::ParameterName, 'Path of the kubeconfig file to use')
            [CompletionResult]::new('--context', '--context', [CompletionResultType]::ParameterName, 'Name of the kubeconfig context to use')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'User to act as for this operation (a user or a service account)')
            [CompletionResult]::new('--as-uid', '--as-uid', [CompletionResultType]::ParameterName, 'UID to act as for this operation')
            [CompletionResult]::new('--as-group', '--as-group', [CompletionResultType]::ParameterName, 'Group to act as for this operation; repeat the flag for several groups')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--istioNamespace', '--istioNamespace', [CompletionResultType]::ParameterName, 'Namespace of the Istio control plane')
            [CompletionResult]::new('--kubeclient-timeout', '--kubeclient-timeout', [CompletionResultType]::ParameterName, 'How long a single Kubernetes API request may take (Go duration syntax)')
            [CompletionResult]::new('--log_output_level', '--log_output_level', [CompletionResultType]::ParameterName, 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none')
            [CompletionResult]::new('--log_target', '--log_target', [CompletionResultType]::ParameterName, 'Where log messages go (accepted for compatibility; logs always go to stderr)')
            [CompletionResult]::new('--log_as_json', '--log_as_json', [CompletionResultType]::ParameterName, 'Log as JSON (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_stacktrace_level', '--log_stacktrace_level', [CompletionResultType]::ParameterName, 'Levels at which stack traces are captured (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--log_caller', '--log_caller', [CompletionResultType]::ParameterName, 'Scopes that log their caller (accepted for compatibility; has no effect)')
            [CompletionResult]::new('--vklog', '--vklog', [CompletionResultType]::ParameterName, 'Verbosity of the Kubernetes client''s own logging, like kubectl''s -v (e.g. --vklog=9)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'istioctl;help' {
            [CompletionResult]::new('uninstall', 'uninstall', [CompletionResultType]::ParameterValue, 'Remove Istio from a cluster')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print version information')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print the shell completion script for the given shell')
            [CompletionResult]::new('verify-install', 'verify-install', [CompletionResultType]::ParameterValue, 'Verify that Istio is installed as an IstioOperator describes, and show the mesh TLS settings')
            [CompletionResult]::new('experimental', 'experimental', [CompletionResultType]::ParameterValue, 'Experimental commands that may be modified or deprecated')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Render an Istio manifest and apply it to a cluster, installing or reconfiguring Istio')
            [CompletionResult]::new('upgrade', 'upgrade', [CompletionResultType]::ParameterValue, 'Upgrade the Istio control plane in place')
            [CompletionResult]::new('manifest', 'manifest', [CompletionResultType]::ParameterValue, 'Work with Istio install manifests')
            [CompletionResult]::new('kube-inject', 'kube-inject', [CompletionResultType]::ParameterValue, 'Add the Istio sidecar to Kubernetes workload resources')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'istioctl;help;uninstall' {
            break
        }
        'istioctl;help;version' {
            break
        }
        'istioctl;help;completion' {
            [CompletionResult]::new('bash', 'bash', [CompletionResultType]::ParameterValue, 'Print the completion script for bash')
            [CompletionResult]::new('zsh', 'zsh', [CompletionResultType]::ParameterValue, 'Print the completion script for zsh')
            [CompletionResult]::new('fish', 'fish', [CompletionResultType]::ParameterValue, 'Print the completion script for fish')
            [CompletionResult]::new('powershell', 'powershell', [CompletionResultType]::ParameterValue, 'Print the completion script for PowerShell')
            break
        }
        'istioctl;help;completion;bash' {
            break
        }
        'istioctl;help;completion;zsh' {
            break
        }
        'istioctl;help;completion;fish' {
            break
        }
        'istioctl;help;completion;powershell' {
            break
        }
        'istioctl;help;verify-install' {
            break
        }
        'istioctl;help;experimental' {
            [CompletionResult]::new('tls-check', 'tls-check', [CompletionResultType]::ParameterValue, 'Check which TLS versions a mesh endpoint accepts against the configured minimum')
            break
        }
        'istioctl;help;experimental;tls-check' {
            break
        }
        'istioctl;help;install' {
            break
        }
        'istioctl;help;upgrade' {
            break
        }
        'istioctl;help;manifest' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Render an Istio install manifest')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Render an Istio manifest and apply it to a cluster, installing or reconfiguring Istio')
            break
        }
        'istioctl;help;manifest;generate' {
            break
        }
        'istioctl;help;manifest;install' {
            break
        }
        'istioctl;help;kube-inject' {
            break
        }
        'istioctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
