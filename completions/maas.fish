function __maas_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __maas_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __maas_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __maas_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __maas_parse_tokens -S
    set -l unparsed_tokens (__maas_tokens -pc)
    switch $unparsed_tokens[1]
    case 'maas'
        __maas_parse_subcommand 0 'f/file=' 'c/command=' 'continue-on-error' 'sandbox' 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'exit'
            __maas_parse_subcommand 1 'version' 'h/help'
        case 'set'
            __maas_parse_subcommand -r 2 'version' 'h/help'
        case 'unset'
            __maas_parse_subcommand 1 'version' 'h/help'
        case 'echo'
            __maas_parse_subcommand -r 1 'version' 'h/help'
        case 'source'
            __maas_parse_subcommand 1 'version' 'h/help'
        case 'sleep'
            __maas_parse_subcommand 1 'version' 'h/help'
        case 'version'
            __maas_parse_subcommand 0 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
        case 'profile'
            __maas_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'list'
                __maas_parse_subcommand 0 'reveal' 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
            case 'show'
                __maas_parse_subcommand 1 'reveal' 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
            case 'use'
                __maas_parse_subcommand 1 'version' 'h/help'
            case 'set'
                __maas_parse_subcommand 2 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
            case 'unset'
                __maas_parse_subcommand 1 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
            case 'remove'
                __maas_parse_subcommand 1 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
            case 'rename'
                __maas_parse_subcommand 2 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
            end
        case 'login'
            __maas_parse_subcommand 0 'gateway=' 'key=' 'model=' 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
        case 'admin'
            __maas_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'login'
                __maas_parse_subcommand 0 'url=' 'token=' 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
            end
        case 'whoami'
            __maas_parse_subcommand 0 'reveal' 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
        case 'models'
            __maas_parse_subcommand 0 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
        case 'complete'
            __maas_parse_subcommand 1 'model=' 'max-tokens=' 'temperature=' 'top-p=' 'stop=+' 'no-stream' 'stream' 'echo' 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
        case 'chat'
            __maas_parse_subcommand 1 'model=' 'max-tokens=' 'temperature=' 'top-p=' 'system=' 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
        case 'embed'
            __maas_parse_subcommand -r 1 'model=' 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
        case 'tokenize'
            __maas_parse_subcommand 1 'model=' 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
        case 'detokenize'
            __maas_parse_subcommand -r 1 'model=' 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
        case 'health'
            __maas_parse_subcommand 0 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
        case 'bench'
            __maas_parse_subcommand 0 'model=' 'concurrency=' 'requests=' 'duration=' 'prompt=' 'prompt-tokens=' 'max-tokens=' 'chat' 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
        case 'sandbox'
            __maas_parse_subcommand 0 'host=' 'admin-port=' 'model-port=' 'gateway-ports=' 'state=' 'model-name=+' 'tokens-per-second=' 'admin-latency=' 'save-profile=' 'reveal' 'profile=' 'o/output=' 'no-color' 'q/quiet' 'v/verbose' 'version' 'h/help'
        case 'help'
            __maas_parse_subcommand -r 1 'version'
        end
    end
end

function __maas_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __maas_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __maas_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __maas_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__maas_tokens -p)
    if test -z "$(__maas_tokens -t)"
        set -l index (count (__maas_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'maas' -f
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas" f file' -s 'f' -l 'file' -d 'Run the script FILE.' -rF
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas" c command' -s 'c' -l 'command' -d 'Run these commands (separate them with \';\').' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas" continue-on-error' -l 'continue-on-error' -d 'Keep running a script after a failing command (exit status 1 at the end).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas" sandbox' -l 'sandbox' -d 'Start a sandbox in this process on free loopback ports, make its profile current and run on it; it stops when maas ends.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'exit' -d 'Leave the session or stop the script.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'set' -d 'Set a session variable, used later as $NAME or ${NAME}.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'unset' -d 'Remove a session variable.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'echo' -d 'Print the words given.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'source' -d 'Run a .maas script in this session (relative to the current script).'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'sleep' -d 'Wait SECONDS (Ctrl-C cancels).'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'version' -d 'Print maas\'s version, and the model server\'s when a gateway is configured.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'profile' -d 'Manage the saved profiles (gateway, key, admin portal, token).'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'login' -d 'Save a gateway URL and API key (a consumer profile).'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'admin' -d 'Administer 3scale: sign in to the admin portal.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'whoami' -d 'Show the profile in force and where each setting comes from.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'models' -d 'List the models the gateway serves.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'complete' -d 'Complete a prompt (POST /v1/completions), streamed on a terminal.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'chat' -d 'Chat with a model (POST /v1/chat/completions), streamed.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'embed' -d 'Embed texts (POST /v1/embeddings): dimensions and first values; full vectors with -o json.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'tokenize' -d 'Show a text\'s token ids (POST /tokenize).'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'detokenize' -d 'Turn token ids back into text (POST /detokenize).'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'health' -d 'Check the model server through the gateway (GET /health).'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'bench' -d 'Load-test the model: streamed requests, N in flight; TTFT, ITL, E2EL percentiles and throughput.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'sandbox' -d 'Run a local 3scale admin API, APIcast gateway and vLLM-compatible model on loopback.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas exit" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas exit" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas set" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas set" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas unset" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas unset" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas echo" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas echo" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas source" -eq 1' -F
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas source" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas source" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas sleep" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas sleep" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas version" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion version -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas version" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas version" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas version" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas version" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas version" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas version" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas profile" -eq 1' -fa 'list' -d 'List the profiles.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas profile" -eq 1' -fa 'show' -d 'Show one profile (the current one by default).'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas profile" -eq 1' -fa 'use' -d 'Make a profile the current one.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas profile" -eq 1' -fa 'set' -d 'Set one setting of the current profile (or --profile).'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas profile" -eq 1' -fa 'unset' -d 'Remove one setting from the current profile (or --profile).'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas profile" -eq 1' -fa 'remove' -d 'Delete a profile.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas profile" -eq 1' -fa 'rename' -d 'Rename a profile.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile list" reveal' -l 'reveal' -d 'Show secrets in clear.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile list" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion profile list -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile list" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile list" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile list" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile list" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile list" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas profile show" -eq 1' -fka '(__maas_custom_completion ---completion profile show -- positional@0 (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile show" reveal' -l 'reveal' -d 'Show secrets in clear.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile show" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion profile show -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile show" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile show" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile show" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile show" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile show" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas profile use" -eq 1' -fka '(__maas_custom_completion ---completion profile use -- positional@0 (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile use" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile use" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas profile set" -eq 1' -fka 'gateway api-key model admin-url admin-token ca-file insecure auth-header auth-query connect-timeout read-timeout key token'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile set" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion profile set -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile set" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile set" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile set" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile set" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile set" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile set" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas profile unset" -eq 1' -fka 'gateway api-key model admin-url admin-token ca-file insecure auth-header auth-query connect-timeout read-timeout key token'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile unset" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion profile unset -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile unset" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile unset" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile unset" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile unset" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile unset" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile unset" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas profile remove" -eq 1' -fka '(__maas_custom_completion ---completion profile remove -- positional@0 (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile remove" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion profile remove -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile remove" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile remove" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile remove" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile remove" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile remove" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile remove" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas profile rename" -eq 1' -fka '(__maas_custom_completion ---completion profile rename -- positional@0 (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile rename" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion profile rename -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile rename" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile rename" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile rename" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile rename" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile rename" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas profile rename" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas login" gateway' -l 'gateway' -d 'The product\'s gateway URL (its production endpoint).' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas login" key' -l 'key' -d 'The application\'s API key (asked for without echo when left out).' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas login" model' -l 'model' -d 'The default model id.' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas login" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion login -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas login" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas login" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas login" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas login" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas login" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas login" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas admin" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas admin" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_positional "maas admin" -eq 1' -fa 'login' -d 'Save a 3scale admin portal URL and access token.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas admin login" url' -l 'url' -d 'The admin portal URL, e.g. https://3scale-admin.apps.example.com.' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas admin login" token' -l 'token' -d 'An access token with the Account Management API scope (asked for without echo when left out).' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas admin login" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion admin login -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas admin login" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas admin login" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas admin login" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas admin login" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas admin login" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas admin login" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas whoami" reveal' -l 'reveal' -d 'Show secrets in clear.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas whoami" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion whoami -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas whoami" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas whoami" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas whoami" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas whoami" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas whoami" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas whoami" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas models" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion models -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas models" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas models" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas models" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas models" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas models" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas models" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas complete" model' -l 'model' -d 'The model id (default: the profile\'s model, or the only one served).' -rfka '(__maas_custom_completion ---completion complete -- --model (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas complete" max-tokens' -l 'max-tokens' -d 'The most tokens to generate.' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas complete" temperature' -l 'temperature' -d 'Sampling temperature (0 = greedy).' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas complete" top-p' -l 'top-p' -d 'Nucleus sampling probability mass.' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas complete"' -l 'stop' -d 'Stop at this text (repeatable).' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas complete" no-stream' -l 'no-stream' -d 'Wait for the whole answer instead of streaming it.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas complete" stream' -l 'stream' -d 'Stream even when stdout is not a terminal.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas complete" echo' -l 'echo' -d 'Print the prompt before the completion.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas complete" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion complete -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas complete" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas complete" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas complete" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas complete" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas complete" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas complete" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas chat" model' -l 'model' -d 'The model id (default: the profile\'s model, or the only one served).' -rfka '(__maas_custom_completion ---completion chat -- --model (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas chat" max-tokens' -l 'max-tokens' -d 'The most tokens to generate.' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas chat" temperature' -l 'temperature' -d 'Sampling temperature (0 = greedy).' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas chat" top-p' -l 'top-p' -d 'Nucleus sampling probability mass.' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas chat" system' -l 'system' -d 'The system prompt.' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas chat" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion chat -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas chat" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas chat" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas chat" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas chat" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas chat" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas chat" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas embed" model' -l 'model' -d 'The model id.' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas embed" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion embed -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas embed" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas embed" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas embed" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas embed" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas embed" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas embed" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas tokenize" model' -l 'model' -d 'The model id.' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas tokenize" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion tokenize -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas tokenize" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas tokenize" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas tokenize" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas tokenize" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas tokenize" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas tokenize" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas detokenize" model' -l 'model' -d 'The model id.' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas detokenize" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion detokenize -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas detokenize" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas detokenize" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas detokenize" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas detokenize" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas detokenize" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas detokenize" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas health" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion health -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas health" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas health" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas health" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas health" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas health" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas health" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas bench" model' -l 'model' -d 'The model id (default: the profile\'s model, or the only one served).' -rfka '(__maas_custom_completion ---completion bench -- --model (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas bench" concurrency' -l 'concurrency' -d 'Requests in flight at once.' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas bench" requests' -l 'requests' -d 'Stop after this many requests.' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas bench" duration' -l 'duration' -d 'Stop after this many seconds (requests in flight are cut).' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas bench" prompt' -l 'prompt' -d 'The prompt of every request.' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas bench" prompt-tokens' -l 'prompt-tokens' -d 'Send a prompt of about N tokens instead of --prompt.' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas bench" max-tokens' -l 'max-tokens' -d 'The tokens to generate per request.' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas bench" chat' -l 'chat' -d 'Send chat completions (POST /v1/chat/completions) instead of completions.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas bench" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion bench -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas bench" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas bench" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas bench" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas bench" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas bench" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas bench" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas sandbox" host' -l 'host' -d 'The address to listen on.' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas sandbox" admin-port' -l 'admin-port' -d 'The admin portal\'s port (default: a free one).' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas sandbox" model-port' -l 'model-port' -d 'The model server\'s port (default: a free one).' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas sandbox" gateway-ports' -l 'gateway-ports' -d 'Ports for the products\' staging and production gateways, FROM-TO (default: free ones).' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas sandbox" state' -l 'state' -d 'Keep the state in this file (atomic snapshots) across restarts.' -rF
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas sandbox"' -l 'model-name' -d 'A model name to serve (repeatable; the first is the default).' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas sandbox" tokens-per-second' -l 'tokens-per-second' -d 'The model\'s pace in tokens per second (0 = as fast as possible).' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas sandbox" admin-latency' -l 'admin-latency' -d 'Delay each admin API call by this many milliseconds (for benchmarks).' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas sandbox" save-profile' -l 'save-profile' -d 'Save the admin URL and token in this profile.' -rfka ''
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas sandbox" reveal' -l 'reveal' -d 'Print the access token in clear.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas sandbox" profile' -l 'profile' -d 'Use this profile instead of the current one.' -rfka '(__maas_custom_completion ---completion sandbox -- --profile (count (__maas_tokens -pc)) (__maas_tokens -tC))'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas sandbox" o output' -s 'o' -l 'output' -d 'Output format: table, json or yaml.' -rfka 'table json yaml'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas sandbox" no-color' -l 'no-color' -d 'Plain output without colours (also NO_COLOR=1).'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas sandbox" q quiet' -s 'q' -l 'quiet' -d 'Print less: no stats, no banners.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas sandbox" v verbose' -s 'v' -l 'verbose' -d 'Print more: requests and timings.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas sandbox" version' -l 'version' -d 'Show the version.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas sandbox" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'maas' -n '__maas_should_offer_completions_for_flags_or_options "maas help" version' -l 'version' -d 'Show the version.'
