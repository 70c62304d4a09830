using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using JourneyGrpc.Server.Hosting.Grpc;
using JourneyGrpc.Store;

namespace JourneyGrpc.Server.Campaign.Errors;

/// <summary>The statuses the campaign-status service ends calls with; their messages are asserted by tests.</summary>
internal static class CampaignErrors
{
    /// <summary>The google.rpc.ErrorInfo domain of this service's errors.</summary>
    internal const string Domain = "journeygrpc.campaign.v1";

    /// <summary>The google.rpc.ErrorInfo reason of a watch ended for falling too far behind.</summary>
    internal const string TooFarBehindReason = "WATCH_TOO_FAR_BEHIND";

    /// <summary>INVALID_ARGUMENT with a google.rpc.BadRequest listing every violation.</summary>
    internal static RpcException InvalidArgument(string subject, IReadOnlyList<BadRequest.Types.FieldViolation> violations) =>
        RichStatus.InvalidArgument($"{subject}: {string.Join("; ", violations.Select(v => $"{v.Field} {v.Description}"))}.", violations);

    /// <summary>NOT_FOUND for a group with no state.</summary>
    internal static RpcException NotFound(string tenant, string key, string value) =>
        new(new Grpc.Core.Status(StatusCode.NotFound, $"No campaign group with {key} '{value}' has reported to tenant '{tenant}'."));

    /// <summary>OUT_OF_RANGE for a resume point beyond the log's head.</summary>
    internal static RpcException AfterSequenceBeyondHead(string tenant, long afterSequence, long head) =>
        new(new Grpc.Core.Status(StatusCode.OutOfRange, $"after_sequence {afterSequence} is beyond the newest event ({head}) of tenant '{tenant}'."));

    /// <summary>RESOURCE_EXHAUSTED for a watch too far behind, with google.rpc.ErrorInfo carrying where to resume.</summary>
    internal static RpcException TooFarBehind(long resumeAfter, long head, long maxLag)
    {
        var info = new ErrorInfo { Reason = TooFarBehindReason, Domain = Domain };
        info.Metadata.Add("resume_after_sequence", resumeAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.Metadata.Add("head_sequence", head.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.ResourceExhausted,
            Message = $"The watch is too far behind: {head - resumeAfter} events behind the newest ({head}), more than the {maxLag} allowed; resume with after_sequence {resumeAfter}.",
        };
        status.Details.Add(Any.Pack(info));
        return status.ToRpcException();
    }
}
