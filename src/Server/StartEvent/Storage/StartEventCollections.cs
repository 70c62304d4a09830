namespace JourneyGrpc.Server.StartEvent.Storage;

/// <summary>The store collections and indexes of Context Services records (ids are the decimal resource ids).</summary>
internal static class StartEventCollections
{
    internal const string Services = "cs-services";
    internal const string States = "cs-states";
    internal const string Tasks = "cs-tasks";

    /// <summary>One record per id kind: the first id not yet reserved (google.protobuf.Int64Value).</summary>
    internal const string IdBlocks = "cs-id-blocks";

    /// <summary>Services by customer id (sorted by start time), and the active / completed subsets.</summary>
    internal const string ByCustomer = "customer";

    /// <summary>Anonymous services by contact key (sorted by start time), and the active / completed subsets.</summary>
    internal const string ByContactKey = "contact";

    /// <summary>Services by the <c>interaction_id</c> of their start event (sorted by start time): the link to journeys' engagements.</summary>
    internal const string ByInteraction = "interaction";

    /// <summary>States and tasks by service id (sorted by their id), and the active / completed subsets.</summary>
    internal const string ByService = "service";

    /// <summary>Tasks by <c>{service_id}/{state_id}</c> (sorted by task id).</summary>
    internal const string ByState = "state";

    /// <summary>The index of one lifecycle subset of <paramref name="index"/>, e.g. <c>customer-active</c>.</summary>
    internal static string Subset(string index, string status) => index + "-" + status;
}
