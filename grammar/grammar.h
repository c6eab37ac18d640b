// The edict rule language as PEGTL rules: tokens, expressions, rule and def items, whole files.
// Rules only: the actions that build the AST live in lang/parser.cpp, error texts in error_message.
// Convention: tokens never consume whitespace; `sep` is written before each token that may follow
// a gap, so a rule's matched text always ends exactly at its last token (spans rely on this).
#pragma once

#include <tao/pegtl.hpp>

namespace edict::grammar {

using namespace tao::pegtl;  // NOLINT: PEGTL combinators read best unqualified

// Rules are laid out as a table, one per line where they fit, so clang-format leaves them alone.
// clang-format off

// ---------------------------------------------------------------- lexical

// A comment runs from `#` or `//` to the end of the line.
struct comment : seq<sor<one<'#'>, two<'/'>>, until<eolf>> {};
// Insignificant whitespace, newlines and comments between tokens.
struct sep : star<sor<space, comment>> {};
// Any identifier-shaped word, reserved or not (member names, object keys, rule keywords).
struct word : identifier {};

// Reserved words (each refuses to match a longer identifier such as `include` or `nullable`).
struct k_package : keyword<'p', 'a', 'c', 'k', 'a', 'g', 'e'> {};  // starts a package line.
struct k_import : keyword<'i', 'm', 'p', 'o', 'r', 't'> {};         // starts an import line.
struct k_as : keyword<'a', 's'> {};                                 // names an import alias.
struct k_rule : keyword<'r', 'u', 'l', 'e'> {};                     // starts a rule.
struct k_def : keyword<'d', 'e', 'f'> {};                           // starts a function.
struct k_when : keyword<'w', 'h', 'e', 'n'> {};                     // starts a guard clause.
struct k_assert : keyword<'a', 's', 's', 'e', 'r', 't'> {};         // starts an assert clause.
struct k_else : keyword<'e', 'l', 's', 'e'> {};                     // an assert message or if branch.
struct k_on : keyword<'o', 'n'> {};                                 // starts the resource type clause.
struct k_self : keyword<'s', 'e', 'l', 'f'> {};                     // the resource under check.
struct k_true : keyword<'t', 'r', 'u', 'e'> {};                     // the boolean literal true.
struct k_false : keyword<'f', 'a', 'l', 's', 'e'> {};               // the boolean literal false.
struct k_null : keyword<'n', 'u', 'l', 'l'> {};                     // the null literal.
struct k_and : keyword<'a', 'n', 'd'> {};                           // logical conjunction.
struct k_or : keyword<'o', 'r'> {};                                 // logical disjunction.
struct k_not : keyword<'n', 'o', 't'> {};                           // negation, or part of `not in`.
struct k_in : keyword<'i', 'n'> {};                                 // membership and bindings.
struct k_all : keyword<'a', 'l', 'l'> {};                           // universal quantifier.
struct k_some : keyword<'s', 'o', 'm', 'e'> {};                     // existential quantifier.
struct k_none : keyword<'n', 'o', 'n', 'e'> {};                     // negated existential quantifier.
struct k_count : keyword<'c', 'o', 'u', 'n', 't'> {};               // counting quantifier.
struct k_if : keyword<'i', 'f'> {};                                 // conditional or comprehension filter.
struct k_then : keyword<'t', 'h', 'e', 'n'> {};                     // the true branch of an if.
struct k_for : keyword<'f', 'o', 'r'> {};                           // starts a comprehension's binding.
struct k_refers : keyword<'r', 'e', 'f', 'e', 'r', 's'> {};         // the reference-graph operator.
// Any reserved word.
struct reserved : sor<k_package, k_import, k_as, k_rule, k_def, k_when, k_assert, k_else, k_on, k_self,
                      k_true, k_false, k_null, k_and, k_or, k_not, k_in, k_all, k_some, k_none, k_count,
                      k_if, k_then, k_for, k_refers> {};
// An identifier that is not a reserved word (variables, functions, parameters, types).
struct name : seq<not_at<reserved>, word> {};

// Rule-clause keywords: ordinary identifiers that are special only at the start of a rule item.
struct k_title : keyword<'t', 'i', 't', 'l', 'e'> {};                                // the title clause.
struct k_severity : keyword<'s', 'e', 'v', 'e', 'r', 'i', 't', 'y'> {};              // the severity clause.
struct k_category : keyword<'c', 'a', 't', 'e', 'g', 'o', 'r', 'y'> {};              // the category clause.
struct k_remediation : keyword<'r', 'e', 'm', 'e', 'd', 'i', 'a', 't', 'i', 'o', 'n'> {};  // remediation.
struct k_controls : keyword<'c', 'o', 'n', 't', 'r', 'o', 'l', 's'> {};              // control references.
struct k_message : keyword<'m', 'e', 's', 's', 'a', 'g', 'e'> {};                    // the message clause.
struct k_data : keyword<'d', 'a', 't', 'a'> {};  // after `on`: check data sources of the types.

// The integer part of a number; its action remembers where the number starts.
struct int_part : plus<digit> {};
// The digits that must follow a decimal point.
struct frac_digits : plus<digit> {};
// A decimal point and its digits.
struct fraction : seq<one<'.'>, must<frac_digits>> {};
// The digits that must follow an exponent marker and optional sign.
struct exp_digits : plus<digit> {};
// An exponent such as `e3` or `E-2`.
struct exponent : seq<one<'e', 'E'>, opt<one<'+', '-'>>, must<exp_digits>> {};
// A number may not run straight into a letter, digit, underscore or another dot (`08x`, `1.5.`).
struct number_end : not_at<sor<identifier_other, one<'.'>>> {};
// An unsigned number literal: `123`, `1.5`, `1e3`, `2.5E-2`.
struct number : seq<int_part, opt<fraction>, opt<exponent>, must<number_end>> {};

// The opening quote of a double-quoted string; its action remembers where the string starts.
struct dq_open : one<'"'> {};
// The closing quote, which must come before the end of the line.
struct dq_close : one<'"'> {};
// The backslash of an escape; its action remembers where the escape starts.
struct escape_mark : one<'\\'> {};
// What may follow a backslash: one of `" \ / n r t` or `u` and four hex digits.
struct escape_code : sor<one<'"', '\\', '/', 'n', 'r', 't'>, seq<one<'u'>, rep<4, xdigit>>> {};
// An escape sequence inside a double-quoted string.
struct escape : seq<escape_mark, must<escape_code>> {};
// One character of a double-quoted string: an escape or any byte but a quote, backslash or newline.
struct dq_char : sor<escape, not_one<'"', '\\', '\n', '\r'>> {};
// A single-line double-quoted string with escapes.
struct dq_string : seq<dq_open, star<dq_char>, must<dq_close>> {};
// The opening quote of a raw string.
struct sq_open : one<'\''> {};
// The closing quote of a raw string, which must come before the end of the line.
struct sq_close : one<'\''> {};
// A single-line raw string: no escapes at all, so regexes read as written.
struct sq_string : seq<sq_open, star<not_one<'\'', '\n', '\r'>>, must<sq_close>> {};
// A message template: a double-quoted string whose `{expr}` parts the parser interpolates.
struct template_string : dq_string {};

// Punctuation at commit points, named so that each has its own error message.
struct paren_close : one<')'> {};    // closes a parenthesised expression.
struct args_close : one<')'> {};     // closes a call's argument list.
struct index_close : one<']'> {};    // closes an index.
struct list_close : one<']'> {};     // closes a list or comprehension.
struct object_close : one<'}'> {};   // closes an object literal.
struct colon : one<':'> {};          // separates a key or binding from what follows.
struct count_open : one<'('> {};     // opens the body of count(...).
struct count_close : one<')'> {};    // closes the body of count(...).

// ---------------------------------------------------------------- expressions

struct expr;

// A variable bound by a quantifier or comprehension.
struct binding : name {};
// The second variable of a `k, v` binding pair.
struct binding_more : seq<one<','>, sep, must<binding>> {};
// One or two variables followed by `in`, as in `x in` or `k, v in`.
struct bindings : seq<binding, opt<sep, binding_more>, sep, must<k_in>> {};

// A parenthesised expression.
struct paren : seq<one<'('>, must<expr>, sep, must<paren_close>> {};
// The rest of a comprehension after its element: `for x in D` and an optional `if C`.
struct comp_filter : seq<sep, k_if, must<expr>> {};
// The `for` part of a comprehension.
struct comp_tail : seq<sep, k_for, sep, must<bindings>, must<expr>, opt<comp_filter>> {};
// Further list elements, with an optional trailing comma.
struct list_more : seq<star<sep, one<','>, expr>, opt<sep, one<','>>> {};
// A list `[a, b]` or a comprehension `[E for x in D if C]`.
struct bracket : seq<one<'['>, opt<expr, sor<comp_tail, list_more>>, sep, must<list_close>> {};
// An object key written as a double-quoted string.
struct key_dq : dq_string {};
// An object key written as a raw string.
struct key_sq : sq_string {};
// An object key written as a bare word.
struct key_word : word {};
// One `key: value` member of an object literal.
struct object_member : seq<sep, sor<key_dq, key_sq, key_word>, sep, must<colon>, must<expr>> {};
// An object literal `{key: v, "k": v}` with an optional trailing comma.
struct object : seq<one<'{'>, opt<object_member, star<sep, one<','>, object_member>, opt<sep, one<','>>>, sep,
                    must<object_close>> {};
// The keyword of a prefix quantifier.
struct quant_word : sor<k_all, k_some, k_none> {};
// `all|some|none x in D: BODY`; the body extends as far right as possible.
struct quantifier : seq<quant_word, sep, must<bindings>, must<expr>, sep, must<colon>, must<expr>> {};
// `count(x in D: BODY)`.
struct count_expr : seq<k_count, sep, must<count_open>, sep, must<bindings>, must<expr>, sep, must<colon>, must<expr>,
                        sep, must<count_close>> {};
// `if C then A else B`; the else branch extends as far right as possible.
struct if_expr : seq<k_if, must<expr>, sep, must<k_then>, must<expr>, sep, must<k_else>, must<expr>> {};
// A field name after `@` or `.`; any word, reserved or not.
struct field_name : word {};
// `@field`: resource metadata of self.
struct meta_self : seq<one<'@'>, must<field_name>> {};
// A variable, parameter or function name.
struct name_ref : name {};
// The null literal.
struct null_lit : k_null {};
// The true literal.
struct true_lit : k_true {};
// The false literal.
struct false_lit : k_false {};
// The self keyword.
struct self_ref : k_self {};
// A double-quoted string used as a value.
struct string_lit : dq_string {};
// A raw string used as a value.
struct raw_lit : sq_string {};
// An operand with no operators around it.
struct primary : seq<sep, sor<paren, bracket, object, number, string_lit, raw_lit, null_lit, true_lit, false_lit,
                                self_ref, meta_self, quantifier, count_expr, if_expr, name_ref>> {};

// `.@field` after an operand: metadata of that resource.
struct meta_suffix : seq<one<'@'>, must<field_name>> {};
// `.name` after an operand.
struct member_suffix : field_name {};
// What may follow a dot.
struct dot_target : sor<meta_suffix, member_suffix> {};
// A member access `.name` or `.@field`.
struct dot_op : seq<one<'.'>, must<dot_target>> {};
// An index `[expr]`.
struct index_op : seq<one<'['>, must<expr>, sep, must<index_close>> {};
// Call arguments, with an optional trailing comma.
struct call_args : opt<expr, star<sep, one<','>, expr>, opt<sep, one<','>>> {};
// A call `(args)` after a plain or dotted name.
struct call_op : seq<one<'('>, call_args, sep, must<args_close>> {};
// An operand followed by member, index and call suffixes.
struct postfix : seq<primary, star<sep, sor<dot_op, index_op, call_op>>> {};

// Unary minus; the operand after it is required.
struct op_neg : one<'-'> {};
struct neg_operand;
// `-x`, repeatable.
struct negation : seq<sep, op_neg, must<neg_operand>> {};
// An optionally negated postfix expression.
struct unary : sor<negation, postfix> {};
// The operand of unary minus (its own rule so that nesting is counted only once `-` has matched).
struct neg_operand : unary {};

struct op_mul : one<'*'> {};  // multiplication.
struct op_div : one<'/'> {};  // division (`//` is a comment, so `a // b` is just `a`).
struct op_mod : one<'%'> {};  // remainder.
// A multiplicative operator and its right operand.
struct product_tail : seq<sep, sor<op_mul, op_div, op_mod>, must<unary>> {};
// Left-associative `* / %`.
struct product : seq<unary, star<product_tail>> {};

struct op_add : one<'+'> {};  // addition or concatenation.
struct op_sub : one<'-'> {};  // subtraction.
// An additive operator and its right operand.
struct sum_tail : seq<sep, sor<op_add, op_sub>, must<product>> {};
// Left-associative `+ -`.
struct sum : seq<product, star<sum_tail>> {};

// The null-coalescing operator.
struct op_coalesce : two<'?'> {};
// `?? x`; the parser folds a chain to the right.
struct coalesce_tail : seq<sep, op_coalesce, must<sum>> {};
// Right-associative `??`.
struct coalesce : seq<sum, star<coalesce_tail>> {};

struct op_eq : two<'='> {};                          // equality.
struct op_ne : string<'!', '='> {};                  // inequality.
struct op_le : string<'<', '='> {};                  // less or equal.
struct op_lt : one<'<'> {};                          // less.
struct op_ge : string<'>', '='> {};                  // greater or equal.
struct op_gt : one<'>'> {};                          // greater.
struct op_in : k_in {};                              // membership.
struct op_not_in : seq<k_not, sep, k_in> {};         // negated membership.
struct op_refers : k_refers {};                      // `a refers b`: a reference-graph edge.
// Any comparison operator.
struct cmp_op : sor<op_eq, op_ne, op_le, op_lt, op_ge, op_gt, op_in, op_not_in, op_refers> {};
// A comparison operator and its right operand.
struct cmp_tail : seq<sep, cmp_op, must<coalesce>> {};
// Comparisons are non-associative: a second operator at the same level is an error.
struct no_chain : not_at<sep, cmp_op> {};
// At most one comparison.
struct comparison : seq<coalesce, opt<cmp_tail>, must<no_chain>> {};

struct not_operand;
// `not x`, repeatable; looser than comparisons, so `not a == b` is `not (a == b)`.
struct not_prefix : seq<sep, k_not, must<not_operand>> {};
// A comparison with any number of `not` in front.
struct not_expr : sor<not_prefix, comparison> {};
// The operand of `not` (its own rule so that nesting is counted only once `not` has matched).
struct not_operand : not_expr {};
// `and` and its right operand.
struct and_tail : seq<sep, k_and, must<not_expr>> {};
// Left-associative `and`.
struct and_expr : seq<not_expr, star<and_tail>> {};
// `or` and its right operand.
struct or_tail : seq<sep, k_or, must<and_expr>> {};
// A full expression: left-associative `or`, the loosest level.
struct expr : seq<and_expr, star<or_tail>> {};

// Nothing but whitespace and comments may follow a standalone expression.
struct expression_end : seq<sep, eof> {};
// Entry rule for a standalone expression (`edict eval`, the REPL, template interpolations).
struct expression : seq<must<expr>, must<expression_end>> {};

// ---------------------------------------------------------------- rules and defs

// A rule id: letters, digits, `_` and `-` (`CUSTOM_RDS_001`, `s3-encryption-at-rest`).
struct rule_id : plus<sor<identifier_other, one<'-'>>> {};
// The `{` that opens a rule body.
struct rule_open : one<'{'> {};
// The `}` that closes a rule body; anything else where an item could start is an error.
struct rule_close : one<'}'> {};
// A metadata value written as a string.
struct meta_string : sor<dq_string, sq_string> {};
// A metadata value written as a bare word.
struct meta_word : word {};
// A metadata value that may be a word or a string.
struct meta_value : sor<meta_string, meta_word> {};
// `title STRING`.
struct title_item : seq<k_title, sep, must<meta_string>> {};
// `severity IDENT`.
struct severity_item : seq<k_severity, sep, must<meta_word>> {};
// `category IDENT` or `category STRING`.
struct category_item : seq<k_category, sep, must<meta_value>> {};
// `remediation STRING`.
struct remediation_item : seq<k_remediation, sep, must<meta_string>> {};
// `controls STRING, STRING, ...`.
struct controls_item : seq<k_controls, sep, must<meta_string>, star<sep, one<','>, sep, must<meta_string>>> {};
// `message TEMPLATE`.
struct message_item : seq<k_message, sep, must<template_string>> {};
// `data` after `on`, when another type name follows it.
struct on_data : seq<sep, k_data, at<sep, name>> {};
// A resource type name in an `on` clause.
struct type_name : name {};
// `on [data] TYPE, TYPE, ...`.
struct on_item : seq<k_on, opt<on_data>, sep, must<type_name>, star<sep, one<','>, sep, must<type_name>>> {};
// `when EXPR`.
struct when_item : seq<k_when, must<expr>> {};
// `else TEMPLATE` after an assert.
struct assert_else : seq<sep, k_else, sep, must<template_string>> {};
// `assert EXPR [else TEMPLATE]`.
struct assert_item : seq<k_assert, must<expr>, opt<assert_else>> {};
// Any clause of a rule body.
struct rule_item : sor<title_item, severity_item, category_item, remediation_item, controls_item, message_item,
                       on_item, when_item, assert_item> {};
// `rule ID { ITEM* }`.
struct rule_decl : seq<k_rule, sep, must<rule_id>, sep, must<rule_open>, star<sep, rule_item>, sep, must<rule_close>> {};

// The name of a function being defined.
struct def_name : name {};
// The `(` that opens a parameter list.
struct params_open : one<'('> {};
// The `)` that closes a parameter list.
struct params_close : one<')'> {};
// One parameter name.
struct param : name {};
// The `=` between a function's signature and its body.
struct def_equals : one<'='> {};
// `def NAME(p1, p2) = EXPR`.
struct def_decl : seq<k_def, sep, must<def_name>, sep, must<params_open>, sep,
                      opt<param, star<sep, one<','>, sep, must<param>>>, sep, must<params_close>, sep,
                      must<def_equals>, must<expr>> {};

// ---------------------------------------------------------------- files

// One segment of a package path: a name that is not reserved.
struct package_segment : name {};
// A dotted package path such as `aws.rds`.
struct package_path : seq<package_segment, star<one<'.'>, must<package_segment>>> {};
// `package a.b.c`.
struct package_decl : seq<k_package, sep, must<package_path>> {};
// The alias after `as` in an import.
struct import_alias : name {};
// `import a.b` or `import a.b as x`.
struct import_decl : seq<k_import, sep, must<package_path>, opt<sep, k_as, sep, must<import_alias>>> {};
// An optional package line followed by imports.
struct file_header : seq<opt<sep, package_decl>, star<sep, import_decl>> {};
// A rule or a function.
struct top_item : sor<rule_decl, def_decl> {};
// The next top-level item, which must be a rule or a def.
struct next_item : seq<sep, must<top_item>> {};
// The end of the file, after trailing whitespace and comments.
struct file_end : seq<sep, eof> {};
// Entry rule for a whole rule file.
struct file : seq<file_header, until<file_end, next_item>> {};

// clang-format on

// ---------------------------------------------------------------- error messages

// The message raised when a must<Rule> fails; every rule used under must<> has one. Some of these
// rules (expr, k_in, colon) also occur outside must<>, where failing is normal, so a control built
// on this table raises only from must<> (must_if with raise_on_failure = false, or a raise() hook).
template <typename>
inline constexpr const char* error_message = nullptr;

// clang-format off
template <> inline constexpr auto error_message<expr> = "expected an expression";
template <> inline constexpr auto error_message<and_expr> = "expected an expression after 'or'";
template <> inline constexpr auto error_message<not_expr> = "expected an expression";
template <> inline constexpr auto error_message<coalesce> = "expected an expression after the comparison operator";
template <> inline constexpr auto error_message<sum> = "expected an expression after '\?\?'";
template <> inline constexpr auto error_message<product> = "expected an expression after the operator";
template <> inline constexpr auto error_message<unary> = "expected an expression after the operator";
template <> inline constexpr auto error_message<neg_operand> = "expected an expression after '-'";
template <> inline constexpr auto error_message<not_operand> = "expected an expression after 'not'";
template <> inline constexpr auto error_message<no_chain> = "comparisons do not chain: use parentheses, or 'and' between two comparisons";
template <> inline constexpr auto error_message<expression_end> = "expected an operator or the end of the expression";
template <> inline constexpr auto error_message<frac_digits> = "malformed number: expected digits after '.'";
template <> inline constexpr auto error_message<exp_digits> = "malformed number: expected digits in the exponent";
template <> inline constexpr auto error_message<number_end> = "malformed number";
template <> inline constexpr auto error_message<dq_close> = "unterminated string: expected '\"' before the end of the line";
template <> inline constexpr auto error_message<sq_close> = "unterminated raw string: expected ' before the end of the line";
template <> inline constexpr auto error_message<escape_code> = "unknown escape sequence: expected one of \\\" \\\\ \\/ \\n \\r \\t \\uXXXX (use a raw string '...' for regexes)";
template <> inline constexpr auto error_message<paren_close> = "expected ')'";
template <> inline constexpr auto error_message<args_close> = "expected ',' or ')' in the argument list";
template <> inline constexpr auto error_message<index_close> = "expected ']' to close the index";
template <> inline constexpr auto error_message<list_close> = "expected ',' or ']' in the list";
template <> inline constexpr auto error_message<object_close> = "expected ',' or '}' in the object";
template <> inline constexpr auto error_message<colon> = "expected ':'";
template <> inline constexpr auto error_message<count_open> = "expected '(' after 'count'";
template <> inline constexpr auto error_message<count_close> = "expected ')' to close count(...)";
template <> inline constexpr auto error_message<binding> = "expected a variable name";
template <> inline constexpr auto error_message<bindings> = "expected a variable name (or two, as in 'k, v') followed by 'in'";
template <> inline constexpr auto error_message<k_in> = "expected 'in'";
template <> inline constexpr auto error_message<k_then> = "expected 'then'";
template <> inline constexpr auto error_message<k_else> = "expected 'else' (an if expression needs both branches)";
template <> inline constexpr auto error_message<field_name> = "expected a field name";
template <> inline constexpr auto error_message<dot_target> = "expected a member name or '@field' after '.'";
template <> inline constexpr auto error_message<rule_id> = "expected a rule id (letters, digits, '_' and '-')";
template <> inline constexpr auto error_message<rule_open> = "expected '{' after the rule id";
template <> inline constexpr auto error_message<rule_close> = "expected a rule clause (title, severity, category, message, remediation, controls, on, when, assert) or '}'";
template <> inline constexpr auto error_message<meta_string> = "expected a string";
template <> inline constexpr auto error_message<meta_word> = "expected a name";
template <> inline constexpr auto error_message<meta_value> = "expected a name or a string";
template <> inline constexpr auto error_message<template_string> = "expected a double-quoted message string";
template <> inline constexpr auto error_message<type_name> = "expected a resource type name";
template <> inline constexpr auto error_message<def_name> = "expected a function name";
template <> inline constexpr auto error_message<params_open> = "expected '(' after the function name";
template <> inline constexpr auto error_message<param> = "expected a parameter name";
template <> inline constexpr auto error_message<params_close> = "expected ',' or ')' in the parameter list";
template <> inline constexpr auto error_message<def_equals> = "expected '=' before the function body";
template <> inline constexpr auto error_message<package_segment> = "expected a name after '.' in the package path";
template <> inline constexpr auto error_message<package_path> = "expected a package name such as 'aws.rds'";
template <> inline constexpr auto error_message<import_alias> = "expected an alias name after 'as'";
template <> inline constexpr auto error_message<top_item> = "expected 'rule' or 'def'";
// clang-format on

}  // namespace edict::grammar
