// AWS Config custom-rule mode: reading a rule invocation event and rendering the PutEvaluations
// request body from the verdicts on its configuration item. Used by `edict config-rule`.
#pragma once

#include <string>
#include <string_view>

#include "engine/evaluate.h"

namespace edict::report {

// What `edict config-rule` needs from an invocation event besides the item itself.
struct ConfigEvent {
  std::string message_type;     // ConfigurationItemChangeNotification, Oversized..., Scheduled...
  std::string resource_type;    // AWS::EC2::Volume
  std::string resource_id;      // vol-...
  std::string ordering_time;    // configurationItemCaptureTime (else notificationCreationTime)
  std::string result_token;
  std::string rule_parameters;  // the ruleParameters JSON object as text ("{}" when absent)
  // An OversizedConfigurationItemChangeNotification: the item is not in the event (only its
  // summary), so the caller must supply it (`edict config-rule --item FILE`).
  bool oversized = false;
  // eventLeftScope: the resource no longer belongs to the rule (its type or tags left the scope,
  // or it was deleted); Config expects NOT_APPLICABLE, and the item is not evaluated.
  bool left_scope = false;
};

// The canonical type of the resource that carries a rule event's parameters, so rules read them
// as `resources(aws_config_rule_parameters)` (it is never checked itself).
inline constexpr std::string_view kRuleParametersType = "aws_config_rule_parameters";

// Parses an event ({"invokingEvent": "<JSON string>", "resultToken", ...}). Throws
// loaders::InputError naming `name` when it is not one, or when its item is not in it (oversized
// or scheduled notifications, which need the Config API).
ConfigEvent parse_config_event(std::string_view text, const std::string& name);

// {"Evaluations": [{ComplianceResourceType, ComplianceResourceId, ComplianceType, Annotation,
// OrderingTimestamp}], "ResultToken"}: NON_COMPLIANT when a rule fails, INSUFFICIENT_DATA when a
// rule could not decide (error or unknown), COMPLIANT when one passes, else (or when the event
// left the rule's scope) NOT_APPLICABLE. The
// annotation says why in at most 256 bytes (cut on a UTF-8 boundary).
std::string render_put_evaluations(const engine::Results& results, const ConfigEvent& event);

}  // namespace edict::report
