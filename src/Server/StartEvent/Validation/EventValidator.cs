using JourneyGrpc.StartEvent.V1;

namespace JourneyGrpc.Server.StartEvent.Validation;

/// <summary>Validates each kind of event; violations are named by their JSON key in the event body.</summary>
internal static class EventValidator
{
    /// <summary>A Service Start Event; <paramref name="requireKey"/>: one of customer_id and contact_key is needed (Start Service).</summary>
    internal static void Validate(Violations violations, ServiceStartEvent e, bool requireKey)
    {
        RequestRules.Key(violations, "customer_id", e.CustomerId, required: false);
        RequestRules.Key(violations, "contact_key", e.ContactKey, required: false);
        if (requireKey && e.CustomerId.Length == 0 && e.ContactKey.Length == 0)
        {
            violations.Add("customer_id", "or contact_key is required: a service without a customer is anonymous and is found by its contact key");
        }

        EventRules.LongOrString(violations, "service_type", e.ServiceType);
        EventRules.NotNegative(violations, "est_duration", e.HasEstDuration, e.EstDuration);
        EventRules.Shared(violations, isEnd: false, e.SessionId, e.InteractionId, e.ApplicationType, e.HasApplicationId, e.ApplicationId, e.ResourceType, e.HasResourceId, e.ResourceId, e.MediaType, e.Timestamp);
        EventRules.Extensions(violations, e.Extensions);
    }

    internal static void Validate(Violations violations, StateStartEvent e)
    {
        EventRules.LongOrString(violations, "state_type", e.StateType);
        if (e.HasPreviousStateId)
        {
            RequestRules.PositiveId(violations, "previous_state_id", e.PreviousStateId);
        }

        EventRules.NotNegative(violations, "est_duration", e.HasEstDuration, e.EstDuration);
        EventRules.Shared(violations, isEnd: false, e.SessionId, e.InteractionId, e.ApplicationType, e.HasApplicationId, e.ApplicationId, e.ResourceType, e.HasResourceId, e.ResourceId, e.MediaType, e.Timestamp);
        EventRules.Extensions(violations, e.Extensions);
    }

    internal static void Validate(Violations violations, TaskStartEvent e)
    {
        if (e.HasStateId)
        {
            RequestRules.PositiveId(violations, "state_id", e.StateId);
        }

        EventRules.LongOrString(violations, "task_type", e.TaskType);
        EventRules.NotNegative(violations, "est_duration", e.HasEstDuration, e.EstDuration);
        EventRules.Shared(violations, isEnd: false, e.SessionId, e.InteractionId, e.ApplicationType, e.HasApplicationId, e.ApplicationId, e.ResourceType, e.HasResourceId, e.ResourceId, e.MediaType, e.Timestamp);
        EventRules.Extensions(violations, e.Extensions);
    }

    internal static void Validate(Violations violations, EndEvent e)
    {
        EventRules.LongOrString(violations, "disposition", e.Disposition);
        EventRules.Text(violations, "disposition_desc", e.DispositionDesc, EventRules.MaxDispositionDescLength);
        EventRules.Shared(violations, isEnd: true, e.SessionId, e.InteractionId, e.ApplicationType, e.HasApplicationId, e.ApplicationId, e.ResourceType, e.HasResourceId, e.ResourceId, e.MediaType, e.Timestamp);
        EventRules.Extensions(violations, e.Extensions);
    }

    internal static void Validate(Violations violations, StateTransitionEvent e)
    {
        if (e.From is null)
        {
            violations.Add("from", "is required: the state to end");
        }
        else
        {
            RequestRules.PositiveId(violations, "from.state_id", e.From.StateId);
            EventRules.LongOrString(violations, "from.disposition", e.From.Disposition);
            EventRules.Text(violations, "from.disposition_desc", e.From.DispositionDesc, EventRules.MaxDispositionDescLength);
        }

        if (e.To is null)
        {
            violations.Add("to", "is required: the state to start");
        }
        else
        {
            if (e.To.StateType is null || e.To.StateType.KindCase is Google.Protobuf.WellKnownTypes.Value.KindOneofCase.None or Google.Protobuf.WellKnownTypes.Value.KindOneofCase.NullValue)
            {
                violations.Add("to.state_type", "is required");
            }

            EventRules.LongOrString(violations, "to.state_type", e.To.StateType);
            EventRules.NotNegative(violations, "to.est_duration", e.To.HasEstDuration, e.To.EstDuration);
        }

        EventRules.Shared(violations, isEnd: false, e.SessionId, e.InteractionId, e.ApplicationType, e.HasApplicationId, e.ApplicationId, e.ResourceType, e.HasResourceId, e.ResourceId, e.MediaType, e.Timestamp);
        EventRules.Extensions(violations, e.Extensions);
    }
}
