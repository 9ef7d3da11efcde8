# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_istioctl_global_optspecs
    string join \n c/kubeconfig= context= as= as-uid= as-group= n/namespace= i/istioNamespace= kubeclient-timeout= log_output_level= log_target= log_as_json= log_stacktrace_level= log_caller= vklog= h/help
end

function __fish_istioctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_istioctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_istioctl_using_subcommand
    set -l cmd (__fish_istioctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c istioctl -n "__fish_istioctl_needs_command" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_needs_command" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_needs_command" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_needs_command" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_needs_command" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_needs_command" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_needs_command" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_needs_command" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_needs_command" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_needs_command" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_needs_command" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_needs_command" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_needs_command" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_needs_command" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c istioctl -n "__fish_istioctl_needs_command" -f -a "uninstall" -d 'Remove Istio from a cluster'
complete -c istioctl -n "__fish_istioctl_needs_command" -f -a "version" -d 'Print version information'
complete -c istioctl -n "__fish_istioctl_needs_command" -f -a "completion" -d 'Print the shell completion script for the given shell'
complete -c istioctl -n "__fish_istioctl_needs_command" -f -a "verify-install" -d 'Verify that Istio is installed as an IstioOperator describes, and show the mesh TLS settings'
complete -c istioctl -n "__fish_istioctl_needs_command" -f -a "experimental" -d 'Experimental commands that may be modified or deprecated'
complete -c istioctl -n "__fish_istioctl_needs_command" -f -a "x" -d 'Experimental commands that may be modified or deprecated'
complete -c istioctl -n "__fish_istioctl_needs_command" -f -a "exp" -d 'Experimental commands that may be modified or deprecated'
complete -c istioctl -n "__fish_istioctl_needs_command" -f -a "install" -d 'Render an Istio manifest and apply it to a cluster, installing or reconfiguring Istio'
complete -c istioctl -n "__fish_istioctl_needs_command" -f -a "apply" -d 'Render an Istio manifest and apply it to a cluster, installing or reconfiguring Istio'
complete -c istioctl -n "__fish_istioctl_needs_command" -f -a "upgrade" -d 'Upgrade the Istio control plane in place'
complete -c istioctl -n "__fish_istioctl_needs_command" -f -a "manifest" -d 'Work with Istio install manifests'
complete -c istioctl -n "__fish_istioctl_needs_command" -f -a "kube-inject" -d 'Add the Istio sidecar to Kubernetes workload resources'
complete -c istioctl -n "__fish_istioctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -s y -l skip-confirmation -d 'Do not ask for confirmation: every question is answered yes' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -l force -d 'Accepted for compatibility; has no effect (as upstream)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -l purge -d 'Remove every Istio resource, of every version and revision' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -s r -l revision -d 'Control plane revision to remove' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -s f -l filename -d 'IstioOperator file describing what to remove (if given several times, the last one counts)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -s d -l manifests -d 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -s s -l set -d 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -s v -l verbose -d 'Also list the resources that will be removed' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -l dry-run -d 'Only report what would be done; change nothing' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand uninstall" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c istioctl -n "__fish_istioctl_using_subcommand version" -s s -l short -d 'Print only the version numbers; use --short=false for the full build information' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand version" -s o -l output -d 'Output format: \'yaml\' or \'json\'' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand version" -l remote -d 'Also ask the cluster for control- and data-plane versions; use --remote=false to skip that' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand version" -s r -l revision -d 'Control plane revision' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand version" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand version" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand version" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand version" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand version" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand version" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand version" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand version" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand version" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand version" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand version" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand version" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand version" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand version" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand version" -s h -l help -d 'Print help'
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -f -a "bash" -d 'Print the completion script for bash'
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -f -a "zsh" -d 'Print the completion script for zsh'
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -f -a "fish" -d 'Print the completion script for fish'
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -f -a "powershell" -d 'Print the completion script for PowerShell'
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and not __fish_seen_subcommand_from bash zsh fish powershell help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from bash" -l no-descriptions -d 'Leave the descriptions of commands and flags out of the completions' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from bash" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from bash" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from bash" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from bash" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from bash" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from bash" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from bash" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from bash" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from bash" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from bash" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from bash" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from bash" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from bash" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from bash" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from bash" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from zsh" -l no-descriptions -d 'Leave the descriptions of commands and flags out of the completions' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from zsh" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from zsh" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from zsh" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from zsh" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from zsh" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from zsh" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from zsh" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from zsh" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from zsh" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from zsh" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from zsh" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from zsh" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from zsh" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from zsh" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from zsh" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from fish" -l no-descriptions -d 'Leave the descriptions of commands and flags out of the completions' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from fish" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from fish" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from fish" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from fish" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from fish" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from fish" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from fish" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from fish" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from fish" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from fish" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from fish" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from fish" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from fish" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from fish" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from fish" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from powershell" -l no-descriptions -d 'Leave the descriptions of commands and flags out of the completions' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from powershell" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from powershell" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from powershell" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from powershell" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from powershell" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from powershell" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from powershell" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from powershell" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from powershell" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from powershell" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from powershell" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from powershell" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from powershell" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from powershell" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from powershell" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from help" -f -a "bash" -d 'Print the completion script for bash'
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from help" -f -a "zsh" -d 'Print the completion script for zsh'
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from help" -f -a "fish" -d 'Print the completion script for fish'
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from help" -f -a "powershell" -d 'Print the completion script for PowerShell'
complete -c istioctl -n "__fish_istioctl_using_subcommand completion; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -s f -l filename -d 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -s s -l set -d 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -s d -l manifests -d 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -s r -l revision -d 'Control plane revision the command acts on' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -l force -d 'Carry on even when the configuration does not pass validation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -s o -l output -d 'Output format: text or json' -r -f -a "text\t''
json\t''"
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand verify-install" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and not __fish_seen_subcommand_from tls-check help" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and not __fish_seen_subcommand_from tls-check help" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and not __fish_seen_subcommand_from tls-check help" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and not __fish_seen_subcommand_from tls-check help" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and not __fish_seen_subcommand_from tls-check help" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and not __fish_seen_subcommand_from tls-check help" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and not __fish_seen_subcommand_from tls-check help" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and not __fish_seen_subcommand_from tls-check help" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and not __fish_seen_subcommand_from tls-check help" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and not __fish_seen_subcommand_from tls-check help" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and not __fish_seen_subcommand_from tls-check help" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and not __fish_seen_subcommand_from tls-check help" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and not __fish_seen_subcommand_from tls-check help" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and not __fish_seen_subcommand_from tls-check help" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and not __fish_seen_subcommand_from tls-check help" -s h -l help -d 'Print help'
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and not __fish_seen_subcommand_from tls-check help" -f -a "tls-check" -d 'Check which TLS versions a mesh endpoint accepts against the configured minimum'
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and not __fish_seen_subcommand_from tls-check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l address -d 'Endpoint to probe from where istioctl runs (HOST:PORT)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l from -d 'Pod to run the probes in (with -n for its namespace); needs --to' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l container -d 'Container of --from that runs openssl' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l to -d 'Endpoint the pod given by --from connects to (HOST:PORT)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l expect -d 'Expected minimum version (TLS_AUTO, TLSV1_2, TLSV1_3); default: meshMTLS.minProtocolVersion of the cluster' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l alpn -d 'ALPN protocols to offer, comma-separated; empty for none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l sni -d 'Server name (SNI) to send' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l ca -d 'Verify the server certificate against the CA certificates in this PEM file (--address only)' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l timeout -d 'How long each connection and handshake may take' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -s r -l revision -d 'Control plane revision whose mesh ConfigMap gives the expected minimum' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -s o -l output -d 'Output format: text or json' -r -f -a "text\t''
json\t''"
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from tls-check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from help" -f -a "tls-check" -d 'Check which TLS versions a mesh endpoint accepts against the configured minimum'
complete -c istioctl -n "__fish_istioctl_using_subcommand experimental; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and not __fish_seen_subcommand_from tls-check help" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and not __fish_seen_subcommand_from tls-check help" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and not __fish_seen_subcommand_from tls-check help" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and not __fish_seen_subcommand_from tls-check help" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and not __fish_seen_subcommand_from tls-check help" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and not __fish_seen_subcommand_from tls-check help" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and not __fish_seen_subcommand_from tls-check help" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and not __fish_seen_subcommand_from tls-check help" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and not __fish_seen_subcommand_from tls-check help" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and not __fish_seen_subcommand_from tls-check help" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and not __fish_seen_subcommand_from tls-check help" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and not __fish_seen_subcommand_from tls-check help" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and not __fish_seen_subcommand_from tls-check help" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and not __fish_seen_subcommand_from tls-check help" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and not __fish_seen_subcommand_from tls-check help" -s h -l help -d 'Print help'
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and not __fish_seen_subcommand_from tls-check help" -f -a "tls-check" -d 'Check which TLS versions a mesh endpoint accepts against the configured minimum'
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and not __fish_seen_subcommand_from tls-check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l address -d 'Endpoint to probe from where istioctl runs (HOST:PORT)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l from -d 'Pod to run the probes in (with -n for its namespace); needs --to' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l container -d 'Container of --from that runs openssl' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l to -d 'Endpoint the pod given by --from connects to (HOST:PORT)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l expect -d 'Expected minimum version (TLS_AUTO, TLSV1_2, TLSV1_3); default: meshMTLS.minProtocolVersion of the cluster' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l alpn -d 'ALPN protocols to offer, comma-separated; empty for none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l sni -d 'Server name (SNI) to send' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l ca -d 'Verify the server certificate against the CA certificates in this PEM file (--address only)' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l timeout -d 'How long each connection and handshake may take' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -s r -l revision -d 'Control plane revision whose mesh ConfigMap gives the expected minimum' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -s o -l output -d 'Output format: text or json' -r -f -a "text\t''
json\t''"
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from tls-check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from help" -f -a "tls-check" -d 'Check which TLS versions a mesh endpoint accepts against the configured minimum'
complete -c istioctl -n "__fish_istioctl_using_subcommand x; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and not __fish_seen_subcommand_from tls-check help" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and not __fish_seen_subcommand_from tls-check help" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and not __fish_seen_subcommand_from tls-check help" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and not __fish_seen_subcommand_from tls-check help" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and not __fish_seen_subcommand_from tls-check help" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and not __fish_seen_subcommand_from tls-check help" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and not __fish_seen_subcommand_from tls-check help" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and not __fish_seen_subcommand_from tls-check help" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and not __fish_seen_subcommand_from tls-check help" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and not __fish_seen_subcommand_from tls-check help" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and not __fish_seen_subcommand_from tls-check help" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and not __fish_seen_subcommand_from tls-check help" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and not __fish_seen_subcommand_from tls-check help" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and not __fish_seen_subcommand_from tls-check help" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and not __fish_seen_subcommand_from tls-check help" -s h -l help -d 'Print help'
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and not __fish_seen_subcommand_from tls-check help" -f -a "tls-check" -d 'Check which TLS versions a mesh endpoint accepts against the configured minimum'
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and not __fish_seen_subcommand_from tls-check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l address -d 'Endpoint to probe from where istioctl runs (HOST:PORT)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l from -d 'Pod to run the probes in (with -n for its namespace); needs --to' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l container -d 'Container of --from that runs openssl' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l to -d 'Endpoint the pod given by --from connects to (HOST:PORT)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l expect -d 'Expected minimum version (TLS_AUTO, TLSV1_2, TLSV1_3); default: meshMTLS.minProtocolVersion of the cluster' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l alpn -d 'ALPN protocols to offer, comma-separated; empty for none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l sni -d 'Server name (SNI) to send' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l ca -d 'Verify the server certificate against the CA certificates in this PEM file (--address only)' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l timeout -d 'How long each connection and handshake may take' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -s r -l revision -d 'Control plane revision whose mesh ConfigMap gives the expected minimum' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -s o -l output -d 'Output format: text or json' -r -f -a "text\t''
json\t''"
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from tls-check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from help" -f -a "tls-check" -d 'Check which TLS versions a mesh endpoint accepts against the configured minimum'
complete -c istioctl -n "__fish_istioctl_using_subcommand exp; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -s f -l filename -d 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -s s -l set -d 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -s d -l manifests -d 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -s r -l revision -d 'Control plane revision the command acts on' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -l force -d 'Carry on even when the configuration does not pass validation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -l readiness-timeout -d 'How long to wait, for each component, until its resources are ready (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -s y -l skip-confirmation -d 'Do not ask for confirmation: every question is answered yes' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -l verify -d 'Check the control plane after installing (accepted for compatibility; Istio 1.30 does nothing with it)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -l dry-run -d 'Only report what would be done; change nothing' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand install" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -s f -l filename -d 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -s s -l set -d 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -s d -l manifests -d 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -s r -l revision -d 'Control plane revision the command acts on' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -l force -d 'Carry on even when the configuration does not pass validation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -l readiness-timeout -d 'How long to wait, for each component, until its resources are ready (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -s y -l skip-confirmation -d 'Do not ask for confirmation: every question is answered yes' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -l verify -d 'Check the control plane after installing (accepted for compatibility; Istio 1.30 does nothing with it)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -l dry-run -d 'Only report what would be done; change nothing' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -s f -l filename -d 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -s s -l set -d 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -s d -l manifests -d 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -s r -l revision -d 'Control plane revision the command acts on' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -l force -d 'Carry on even when the configuration does not pass validation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -l readiness-timeout -d 'How long to wait, for each component, until its resources are ready (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -s y -l skip-confirmation -d 'Do not ask for confirmation: every question is answered yes' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -l verify -d 'Check the control plane after installing (accepted for compatibility; Istio 1.30 does nothing with it)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -l dry-run -d 'Only report what would be done; change nothing' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand upgrade" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -l dry-run -d 'Only report what would be done; change nothing' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -s h -l help -d 'Print help'
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -f -a "generate" -d 'Render an Istio install manifest'
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -f -a "install" -d 'Render an Istio manifest and apply it to a cluster, installing or reconfiguring Istio'
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -f -a "apply" -d 'Render an Istio manifest and apply it to a cluster, installing or reconfiguring Istio'
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and not __fish_seen_subcommand_from generate install apply help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s f -l filename -d 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s s -l set -d 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s d -l manifests -d 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s r -l revision -d 'Control plane revision the command acts on' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l force -d 'Carry on even when the configuration does not pass validation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l cluster-specific -d 'Ask the current cluster for settings that depend on it (such as the platform) instead of using generic defaults' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l filter -d 'Components to render (accepted for compatibility; upstream ignores it too)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l dry-run -d 'Only report what would be done; change nothing' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -s f -l filename -d 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -s s -l set -d 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -s d -l manifests -d 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -s r -l revision -d 'Control plane revision the command acts on' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -l force -d 'Carry on even when the configuration does not pass validation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -l readiness-timeout -d 'How long to wait, for each component, until its resources are ready (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -s y -l skip-confirmation -d 'Do not ask for confirmation: every question is answered yes' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -l verify -d 'Check the control plane after installing (accepted for compatibility; Istio 1.30 does nothing with it)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -l dry-run -d 'Only report what would be done; change nothing' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from install" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -s f -l filename -d 'IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate names with commas, to layer several files: later files override earlier ones' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -s s -l set -d 'Override one IstioOperator field as path=value: pick a profile (--set profile=demo), turn a component on or off (--set components.cni.enabled=true) or change a setting (--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -s d -l manifests -d 'Directory holding the charts and profiles to use instead of the built-in ones (for example ~/Downloads/istio-1.30.3/manifests)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -s r -l revision -d 'Control plane revision the command acts on' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -l force -d 'Carry on even when the configuration does not pass validation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -l readiness-timeout -d 'How long to wait, for each component, until its resources are ready (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -s y -l skip-confirmation -d 'Do not ask for confirmation: every question is answered yes' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -l verify -d 'Check the control plane after installing (accepted for compatibility; Istio 1.30 does nothing with it)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -l dry-run -d 'Only report what would be done; change nothing' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Render an Istio install manifest'
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "install" -d 'Render an Istio manifest and apply it to a cluster, installing or reconfiguring Istio'
complete -c istioctl -n "__fish_istioctl_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -s f -l filename -d 'Kubernetes resources to inject into; `-` reads stdin' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -s o -l output -d 'File to write the injected resources to (default: stdout)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l meshConfigFile -d 'Mesh configuration file; used instead of the --meshConfigMapName ConfigMap' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l injectConfigFile -d 'Injection configuration file (sidecar templates); cannot be combined with --injectConfigMapName' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l valuesFile -d 'Injection values file (JSON or YAML)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l operatorFileName -d 'IstioOperator file whose mesh config and values take precedence over the files above' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l meshConfigMapName -d 'ConfigMap holding the mesh configuration (key "mesh")' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l injectConfigMapName -d 'ConfigMap holding the injection configuration (key "config")' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l webhookConfig -d 'Name of Istio\'s MutatingWebhookConfiguration (used in messages)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -s r -l revision -d 'Control plane revision' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l xds-address -d 'XDS endpoint of the control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l cert-dir -d 'Directory with the certificates for the XDS endpoint' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l xds-label -d 'Label selector of the istiod pods to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l xds-port -d 'Port of istiod\'s XDS endpoint' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l timeout -d 'How long to wait before giving up (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l authority -d 'Subject Alternative Name expected from the XDS endpoint (e.g. istiod.istio-system.svc)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l insecure -d 'Do not verify the server\'s certificate and name (NOT SECURE)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l plaintext -d 'Talk plain-text HTTP/2 to the server (no TLS)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -s n -l namespace -d 'Kubernetes namespace to work in' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -s c -l kubeconfig -d 'Path of the kubeconfig file to use' -r -F
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l context -d 'Name of the kubeconfig context to use' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l as -d 'User to act as for this operation (a user or a service account)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l as-uid -d 'UID to act as for this operation' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l as-group -d 'Group to act as for this operation; repeat the flag for several groups' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -s i -l istioNamespace -d 'Namespace of the Istio control plane' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l kubeclient-timeout -d 'How long a single Kubernetes API request may take (Go duration syntax)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l log_output_level -d 'Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug, info, warn, error, fatal, none' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l log_target -d 'Where log messages go (accepted for compatibility; logs always go to stderr)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l log_as_json -d 'Log as JSON (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l log_stacktrace_level -d 'Levels at which stack traces are captured (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l log_caller -d 'Scopes that log their caller (accepted for compatibility; has no effect)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -l vklog -d 'Verbosity of the Kubernetes client\'s own logging, like kubectl\'s -v (e.g. --vklog=9)' -r
complete -c istioctl -n "__fish_istioctl_using_subcommand kube-inject" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c istioctl -n "__fish_istioctl_using_subcommand help; and not __fish_seen_subcommand_from uninstall version completion verify-install experimental install upgrade manifest kube-inject help" -f -a "uninstall" -d 'Remove Istio from a cluster'
complete -c istioctl -n "__fish_istioctl_using_subcommand help; and not __fish_seen_subcommand_from uninstall version completion verify-install experimental install upgrade manifest kube-inject help" -f -a "version" -d 'Print version information'
complete -c istioctl -n "__fish_istioctl_using_subcommand help; and not __fish_seen_subcommand_from uninstall version completion verify-install experimental install upgrade manifest kube-inject help" -f -a "completion" -d 'Print the shell completion script for the given shell'
complete -c istioctl -n "__fish_istioctl_using_subcommand help; and not __fish_seen_subcommand_from uninstall version completion verify-install experimental install upgrade manifest kube-inject help" -f -a "verify-install" -d 'Verify that Istio is installed as an IstioOperator describes, and show the mesh TLS settings'
complete -c istioctl -n "__fish_istioctl_using_subcommand help; and not __fish_seen_subcommand_from uninstall version completion verify-install experimental install upgrade manifest kube-inject help" -f -a "experimental" -d 'Experimental commands that may be modified or deprecated'
complete -c istioctl -n "__fish_istioctl_using_subcommand help; and not __fish_seen_subcommand_from uninstall version completion verify-install experimental install upgrade manifest kube-inject help" -f -a "install" -d 'Render an Istio manifest and apply it to a cluster, installing or reconfiguring Istio'
complete -c istioctl -n "__fish_istioctl_using_subcommand help; and not __fish_seen_subcommand_from uninstall version completion verify-install experimental install upgrade manifest kube-inject help" -f -a "upgrade" -d 'Upgrade the Istio control plane in place'
complete -c istioctl -n "__fish_istioctl_using_subcommand help; and not __fish_seen_subcommand_from uninstall version completion verify-install experimental install upgrade manifest kube-inject help" -f -a "manifest" -d 'Work with Istio install manifests'
complete -c istioctl -n "__fish_istioctl_using_subcommand help; and not __fish_seen_subcommand_from uninstall version completion verify-install experimental install upgrade manifest kube-inject help" -f -a "kube-inject" -d 'Add the Istio sidecar to Kubernetes workload resources'
complete -c istioctl -n "__fish_istioctl_using_subcommand help; and not __fish_seen_subcommand_from uninstall version completion verify-install experimental install upgrade manifest kube-inject help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c istioctl -n "__fish_istioctl_using_subcommand help; and __fish_seen_subcommand_from completion" -f -a "bash" -d 'Print the completion script for bash'
complete -c istioctl -n "__fish_istioctl_using_subcommand help; and __fish_seen_subcommand_from completion" -f -a "zsh" -d 'Print the completion script for zsh'
complete -c istioctl -n "__fish_istioctl_using_subcommand help; and __fish_seen_subcommand_from completion" -f -a "fish" -d 'Print the completion script for fish'
complete -c istioctl -n "__fish_istioctl_using_subcommand help; and __fish_seen_subcommand_from completion" -f -a "powershell" -d 'Print the completion script for PowerShell'
complete -c istioctl -n "__fish_istioctl_using_subcommand help; and __fish_seen_subcommand_from experimental" -f -a "tls-check" -d 'Check which TLS versions a mesh endpoint accepts against the configured minimum'
complete -c istioctl -n "__fish_istioctl_using_subcommand help; and __fish_seen_subcommand_from manifest" -f -a "generate" -d 'Render an Istio install manifest'
complete -c istioctl -n "__fish_istioctl_using_subcommand help; and __fish_seen_subcommand_from manifest" -f -a "install" -d 'Render an Istio manifest and apply it to a cluster, installing or reconfiguring Istio'
