#!/bin/bash

__maas_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__maas_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__maas_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

__maas_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_maas() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")

    local -a repeating_flags=(-v --verbose)
    local -a non_repeating_flags=(--continue-on-error --sandbox --fresh -y --yes --no-color -q --quiet --no-log --version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=(-f --file -c --command --profile -o --output)
    __maas_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-f'|'--file')
        __maas_add_completions -f
        return
        ;;
    '-c'|'--command')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    exit|set|unset|echo|source|sleep|version|profile|login|admin|whoami|models|complete|chat|compare|embed|tokenize|detokenize|health|bench|logs|expect|test|backend|product|doc|promote|portal|account|subscribe|unsubscribe|app|usage|apply|export|sandbox|help)
        # Offer subcommand argument completions
        "_maas_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'exit set unset echo source sleep version profile login admin whoami models complete chat compare embed tokenize detokenize health bench logs expect test backend product doc promote portal account subscribe unsubscribe app usage apply export sandbox help' -- "${cur}"))
        ;;
    esac
}

_maas_exit() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options 1
}

_maas_set() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options -1
}

_maas_unset() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options 1
}

_maas_echo() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options -1
}

_maas_source() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -f
        return
        ;;
    esac
}

_maas_sleep() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options 1
}

_maas_version() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion version -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_profile() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show|use|set|unset|remove|rename)
        # Offer subcommand argument completions
        "_maas_profile_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show use set unset remove rename' -- "${cur}"))
        ;;
    esac
}

_maas_profile_list() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--reveal --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion profile list -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_profile_show() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--reveal --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion profile show -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion profile show -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_profile_use() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options 1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion profile use -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_profile_set() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion profile set -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W 'gateway'$'\n''api-key'$'\n''model'$'\n''admin-url'$'\n''admin-token'$'\n''ca-file'$'\n''insecure'$'\n''auth-header'$'\n''auth-query'$'\n''connect-timeout'$'\n''read-timeout'$'\n''log'$'\n''log-max-mb'$'\n''key'$'\n''token'
        return
        ;;
    2)
        __maas_add_completions -W "$(__maas_custom_complete ---completion profile set -- positional@1 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_profile_unset() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion profile unset -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W 'gateway'$'\n''api-key'$'\n''model'$'\n''admin-url'$'\n''admin-token'$'\n''ca-file'$'\n''insecure'$'\n''auth-header'$'\n''auth-query'$'\n''connect-timeout'$'\n''read-timeout'$'\n''log'$'\n''log-max-mb'$'\n''key'$'\n''token'
        return
        ;;
    esac
}

_maas_profile_remove() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion profile remove -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion profile remove -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_profile_rename() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion profile rename -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion profile rename -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_login() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--gateway --key --model --profile -o --output)
    __maas_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--gateway')
        return
        ;;
    '--key')
        return
        ;;
    '--model')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion login -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_admin() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    login)
        # Offer subcommand argument completions
        "_maas_admin_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'login' -- "${cur}"))
        ;;
    esac
}

_maas_admin_login() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--from-openshift --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--url --token --namespace --profile -o --output)
    __maas_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--url')
        return
        ;;
    '--token')
        return
        ;;
    '--namespace')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion admin login -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_whoami() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--reveal --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion whoami -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_models() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion models -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_complete() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-stream --stream --echo --no-color -q --quiet --no-log --version -h --help)
    repeating_options=(--stop)
    non_repeating_options=(--model --max-tokens --temperature --top-p --seed --profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--model')
        __maas_add_completions -W "$(__maas_custom_complete ---completion complete -- --model "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '--max-tokens')
        return
        ;;
    '--temperature')
        return
        ;;
    '--top-p')
        return
        ;;
    '--seed')
        return
        ;;
    '--stop')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion complete -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_chat() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--model --max-tokens --temperature --top-p --seed --system --profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--model')
        __maas_add_completions -W "$(__maas_custom_complete ---completion chat -- --model "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '--max-tokens')
        return
        ;;
    '--temperature')
        return
        ;;
    '--top-p')
        return
        ;;
    '--seed')
        return
        ;;
    '--system')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion chat -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_compare() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--chat --no-color -q --quiet --no-log --version -h --help)
    repeating_options=(--profile --model)
    non_repeating_options=(--system --max-tokens --temperature --top-p --seed --runs -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion compare -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '--model')
        __maas_add_completions -W "$(__maas_custom_complete ---completion compare -- --model "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '--system')
        return
        ;;
    '--max-tokens')
        return
        ;;
    '--temperature')
        return
        ;;
    '--top-p')
        return
        ;;
    '--seed')
        return
        ;;
    '--runs')
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_embed() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--model --profile -o --output)
    __maas_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--model')
        __maas_add_completions -W "$(__maas_custom_complete ---completion embed -- --model "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion embed -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_tokenize() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--model --profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--model')
        __maas_add_completions -W "$(__maas_custom_complete ---completion tokenize -- --model "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion tokenize -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_detokenize() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--model --profile -o --output)
    __maas_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--model')
        __maas_add_completions -W "$(__maas_custom_complete ---completion detokenize -- --model "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion detokenize -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_health() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion health -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_bench() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--chat --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--model --concurrency --requests --duration --prompt --prompt-tokens --max-tokens --profile -o --output)
    __maas_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--model')
        __maas_add_completions -W "$(__maas_custom_complete ---completion bench -- --model "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '--concurrency')
        return
        ;;
    '--requests')
        return
        ;;
    '--duration')
        return
        ;;
    '--prompt')
        return
        ;;
    '--prompt-tokens')
        return
        ;;
    '--max-tokens')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion bench -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_logs() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show|rerun|export)
        # Offer subcommand argument completions
        "_maas_logs_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show rerun export' -- "${cur}"))
        ;;
    esac
}

_maas_logs_list() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--failed --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --limit --model --profile --since --search -o --output)
    __maas_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--limit')
        return
        ;;
    '--model')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion logs list -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '--since')
        return
        ;;
    '--search')
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_logs_show() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(-o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_logs_rerun() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--model -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--model')
        __maas_add_completions -W "$(__maas_custom_complete ---completion logs rerun -- --model "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_logs_export() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--failed --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--model --profile --since --search -o --output)
    __maas_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--model')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion logs export -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '--since')
        return
        ;;
    '--search')
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_expect() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options -1

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W 'contains'$'\n''not-contains'$'\n''matches'$'\n''json'$'\n''tokens'$'\n''ttft'$'\n''status'
        return
        ;;
    esac
}

_maas_test() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--junit --jobs --profile -o --output)
    __maas_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--junit')
        __maas_add_completions -f
        return
        ;;
    '--jobs')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion test -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __maas_add_completions -o plusdirs -fX '!*.@(maas)'
        return
        ;;
    esac
}

_maas_backend() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show|create|update|delete)
        # Offer subcommand argument completions
        "_maas_backend_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show create update delete' -- "${cur}"))
        ;;
    esac
}

_maas_backend_list() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion backend list -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_backend_show() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion backend show -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion backend show -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_backend_create() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--exist-ok --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--url --system-name --description --profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--url')
        return
        ;;
    '--system-name')
        return
        ;;
    '--description')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion backend create -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_backend_update() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--name --url --description --profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--name')
        return
        ;;
    '--url')
        return
        ;;
    '--description')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion backend update -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion backend update -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_backend_delete() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion backend delete -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion backend delete -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_product() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show|create|update|delete|rules|methods|policies|plans|limit|import)
        # Offer subcommand argument completions
        "_maas_product_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show create update delete rules methods policies plans limit import' -- "${cur}"))
        ;;
    esac
}

_maas_product_list() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product list -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_product_show() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product show -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion product show -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_product_create() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--exist-ok --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--backend --path --preset --auth --plan --system-name --profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--backend')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product create -- --backend "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '--path')
        return
        ;;
    '--preset')
        __maas_add_completions -W 'vllm'
        return
        ;;
    '--auth')
        return
        ;;
    '--plan')
        return
        ;;
    '--system-name')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product create -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_product_update() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--name --description --profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--name')
        return
        ;;
    '--description')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product update -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion product update -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_product_delete() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product delete -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion product delete -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_product_rules() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|add|remove)
        # Offer subcommand argument completions
        "_maas_product_rules_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list add remove' -- "${cur}"))
        ;;
    esac
}

_maas_product_rules_list() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product rules list -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion product rules list -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_product_rules_add() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--last --exist-ok --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--metric --delta --profile -o --output)
    __maas_offer_flags_options 3

    # Offer option value completions
    case "${prev}" in
    '--metric')
        return
        ;;
    '--delta')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product rules add -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion product rules add -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_product_rules_remove() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product rules remove -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion product rules remove -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_product_methods() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|add|remove)
        # Offer subcommand argument completions
        "_maas_product_methods_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list add remove' -- "${cur}"))
        ;;
    esac
}

_maas_product_methods_list() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product methods list -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion product methods list -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_product_methods_add() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--exist-ok --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--name --profile -o --output)
    __maas_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--name')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product methods add -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion product methods add -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_product_methods_remove() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product methods remove -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion product methods remove -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_product_policies() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|add|remove)
        # Offer subcommand argument completions
        "_maas_product_policies_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list add remove' -- "${cur}"))
        ;;
    esac
}

_maas_product_policies_list() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product policies list -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion product policies list -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_product_policies_add() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--exist-ok --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--version --configuration --at --profile -o --output)
    __maas_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--version')
        return
        ;;
    '--configuration')
        return
        ;;
    '--at')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product policies add -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion product policies add -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_product_policies_remove() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product policies remove -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion product policies remove -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_product_plans() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|add|remove)
        # Offer subcommand argument completions
        "_maas_product_plans_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list add remove' -- "${cur}"))
        ;;
    esac
}

_maas_product_plans_list() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product plans list -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion product plans list -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_product_plans_add() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--hidden --approval-required --exist-ok --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product plans add -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion product plans add -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_product_plans_remove() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product plans remove -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion product plans remove -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_product_limit() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--period --value --profile -o --output)
    __maas_offer_flags_options 3

    # Offer option value completions
    case "${prev}" in
    '--period')
        __maas_add_completions -W 'minute'$'\n''hour'$'\n''day'$'\n''week'$'\n''month'$'\n''year'$'\n''eternity'
        return
        ;;
    '--value')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product limit -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion product limit -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_product_import() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--dry-run --publish-doc --promote --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--name --backend --backend-url --plan --concurrency --profile -o --output)
    __maas_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--name')
        return
        ;;
    '--backend')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product import -- --backend "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '--backend-url')
        return
        ;;
    '--plan')
        return
        ;;
    '--concurrency')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion product import -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __maas_add_completions -o plusdirs -fX '!*.@(json|yaml|yml)'
        return
        ;;
    esac
}

_maas_doc() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show|create|update|delete)
        # Offer subcommand argument completions
        "_maas_doc_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show create update delete' -- "${cur}"))
        ;;
    esac
}

_maas_doc_list() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion doc list -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_doc_show() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--body --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion doc show -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion doc show -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_doc_create() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--publish --skip-validation --exist-ok --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--product --file --url --system-name --profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--product')
        __maas_add_completions -W "$(__maas_custom_complete ---completion doc create -- --product "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '--file')
        __maas_add_completions -o plusdirs -fX '!*.@(json|yaml|yml)'
        return
        ;;
    '--url')
        return
        ;;
    '--system-name')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion doc create -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_doc_update() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--file --url --name --published --profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--file')
        __maas_add_completions -o plusdirs -fX '!*.@(json|yaml|yml)'
        return
        ;;
    '--url')
        return
        ;;
    '--name')
        return
        ;;
    '--published')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion doc update -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion doc update -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_doc_delete() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion doc delete -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion doc delete -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_promote() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion promote -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion promote -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_portal() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    access)
        # Offer subcommand argument completions
        "_maas_portal_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'access' -- "${cur}"))
        ;;
    esac
}

_maas_portal_access() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--open --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--code --profile -o --output)
    __maas_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--code')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion portal access -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_account() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show|create)
        # Offer subcommand argument completions
        "_maas_account_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show create' -- "${cur}"))
        ;;
    esac
}

_maas_account_list() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion account list -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_account_show() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion account show -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion account show -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_account_create() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--exist-ok --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--username --email --password --profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--username')
        return
        ;;
    '--email')
        return
        ;;
    '--password')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion account create -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_subscribe() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--plan --profile -o --output)
    __maas_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--plan')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion subscribe -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion subscribe -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    2)
        __maas_add_completions -W "$(__maas_custom_complete ---completion subscribe -- positional@1 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_unsubscribe() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion unsubscribe -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion unsubscribe -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    2)
        __maas_add_completions -W "$(__maas_custom_complete ---completion unsubscribe -- positional@1 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_app() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|show|create|delete|key|suspend|resume|plan)
        # Offer subcommand argument completions
        "_maas_app_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list show create delete key suspend resume plan' -- "${cur}"))
        ;;
    esac
}

_maas_app_list() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--reveal --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--account --product --profile -o --output)
    __maas_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--account')
        __maas_add_completions -W "$(__maas_custom_complete ---completion app list -- --account "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '--product')
        __maas_add_completions -W "$(__maas_custom_complete ---completion app list -- --product "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion app list -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_app_show() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--reveal --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion app show -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion app show -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_app_create() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--reveal --exist-ok --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--name --plan --save-profile --profile -o --output)
    __maas_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--name')
        return
        ;;
    '--plan')
        return
        ;;
    '--save-profile')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion app create -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion app create -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    2)
        __maas_add_completions -W "$(__maas_custom_complete ---completion app create -- positional@1 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_app_delete() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion app delete -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion app delete -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_app_key() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    regenerate)
        # Offer subcommand argument completions
        "_maas_app_key_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'regenerate' -- "${cur}"))
        ;;
    esac
}

_maas_app_key_regenerate() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--reveal --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--save-profile --profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--save-profile')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion app key regenerate -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion app key regenerate -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_app_suspend() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion app suspend -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion app suspend -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_app_resume() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion app resume -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion app resume -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_app_plan() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--profile -o --output)
    __maas_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion app plan -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion app plan -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_usage() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--top --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--app --account --metric --method --since --until --granularity --profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--app')
        __maas_add_completions -W "$(__maas_custom_complete ---completion usage -- --app "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '--account')
        __maas_add_completions -W "$(__maas_custom_complete ---completion usage -- --account "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '--metric')
        return
        ;;
    '--method')
        return
        ;;
    '--since')
        return
        ;;
    '--until')
        return
        ;;
    '--granularity')
        __maas_add_completions -W 'hour'$'\n''day'$'\n''month'
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion usage -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W "$(__maas_custom_complete ---completion usage -- positional@0 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_apply() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--dry-run --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--file -f --concurrency --profile -o --output)
    __maas_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--file'|'-f')
        __maas_add_completions -o plusdirs -fX '!*.@(yaml|yml)'
        return
        ;;
    '--concurrency')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion apply -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac
}

_maas_export() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--with-backends --no-color -q --quiet --no-log --version -h --help)
    repeating_options=()
    non_repeating_options=(--namespace --profile -o --output)
    __maas_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--namespace')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion export -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W 'backend'$'\n''product'$'\n''activedoc'$'\n''account'
        return
        ;;
    2)
        __maas_add_completions -W "$(__maas_custom_complete ---completion export -- positional@1 "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_maas_sandbox() {
    repeating_flags=(-v --verbose)
    non_repeating_flags=(--reveal --fresh -y --yes --no-color -q --quiet --no-log --version -h --help)
    repeating_options=(--model-name)
    non_repeating_options=(--host --admin-port --model-port --gateway-ports --state --tokens-per-second --admin-latency --save-profile --profile -o --output)
    __maas_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--host')
        return
        ;;
    '--admin-port')
        return
        ;;
    '--model-port')
        return
        ;;
    '--gateway-ports')
        return
        ;;
    '--state')
        __maas_add_completions -f
        return
        ;;
    '--model-name')
        return
        ;;
    '--tokens-per-second')
        return
        ;;
    '--admin-latency')
        return
        ;;
    '--save-profile')
        return
        ;;
    '--profile')
        __maas_add_completions -W "$(__maas_custom_complete ---completion sandbox -- --profile "${COMP_CWORD}" "$(__maas_cursor_index_in_current_word)")"
        return
        ;;
    '-o'|'--output')
        __maas_add_completions -W 'table'$'\n''json'$'\n''yaml'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __maas_add_completions -W 'reset'
        return
        ;;
    esac
}

_maas_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __maas_offer_flags_options -1
}

complete -o filenames -F _maas maas
