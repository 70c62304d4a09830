using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Journey.Storage;

namespace JourneyGrpc.Server.Journey.Engagements;

/// <summary>
/// Participant lifecycle on an engagement. A participant is ACTIVE or HELD while present and DROPPED
/// once it left (<c>leftAt</c> set). The engagement is ACTIVE while anyone is present and COMPLETED
/// (with <c>endDate</c>) when the last participant leaves. Participants' channels join the
/// engagement's channels.
/// </summary>
internal static class ParticipantRules
{
    internal static void Add(Engagement engagement, AddParticipantRequest request)
    {
        var state = request.State == Participant.Types.State.Unspecified ? Participant.Types.State.Active : request.State;
        var participant = engagement.Participants.FirstOrDefault(p => p.Id == request.ParticipantId);
        if (participant is null)
        {
            participant = new Participant { Id = request.ParticipantId, JoinedAt = request.Timestamp };
            engagement.Participants.Add(participant);
        }
        else if (participant.State == Participant.Types.State.Dropped)
        {
            // Rejoining: present again from this timestamp.
            participant.JoinedAt = request.Timestamp;
            participant.LeftAt = null;
        }

        participant.Type = request.Type;
        participant.State = state;
        participant.DialogId = request.DialogId;
        participant.ChannelId = request.ChannelId;
        participant.ChannelType = request.ChannelType;
        participant.CallingNumber = request.CallingNumber;
        participant.DialledNumber = request.DialledNumber;
        participant.Extension = request.Extension;
        participant.AutomationType = request.AutomationType;
        participant.AgentDisplayName = request.AgentDisplayName;
        participant.ChannelProviderId = request.ChannelProviderId;
        participant.SourceType = request.SourceType;
        participant.SourceAddress = request.SourceAddress;
        AddChannel(engagement, request.ChannelId, request.ChannelType);
        engagement.Status = EngagementStatus.Active;
        engagement.EndDate = null;
        Touch(engagement, request.Timestamp);
    }

    /// <summary>Marks the participant DROPPED; false when the engagement has no such participant. Leaving twice keeps the first <c>leftAt</c>.</summary>
    internal static bool Remove(Engagement engagement, RemoveParticipantRequest request, DateTimeOffset now)
    {
        var participant = engagement.Participants.FirstOrDefault(p => p.Id == request.ParticipantId);
        if (participant is null)
        {
            return false;
        }

        if (participant.State == Participant.Types.State.Dropped)
        {
            return true;
        }

        var leftAt = request.Timestamp ?? Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now);
        participant.State = Participant.Types.State.Dropped;
        participant.LeftAt = leftAt;
        if (engagement.Participants.All(p => p.State == Participant.Types.State.Dropped))
        {
            engagement.Status = EngagementStatus.Completed;
            engagement.EndDate = engagement.Participants.Max(p => p.LeftAt);
        }

        Touch(engagement, leftAt);
        return true;
    }

    /// <summary>Adds a channel unless one with the same id (any case) is there.</summary>
    internal static void AddChannel(Engagement engagement, string id, string type)
    {
        if (id.Length > 0 && !engagement.Channels.Any(c => JourneyIndexes.ChannelKey(c.Id) == JourneyIndexes.ChannelKey(id)))
        {
            engagement.Channels.Add(new Channel { Id = id, Type = type });
        }
    }

    /// <summary>Moves <c>updateDate</c> forward to <paramref name="timestamp"/> (never back).</summary>
    internal static void Touch(Engagement engagement, Google.Protobuf.WellKnownTypes.Timestamp timestamp)
    {
        if (engagement.UpdateDate is null || engagement.UpdateDate < timestamp)
        {
            engagement.UpdateDate = timestamp;
        }
    }
}
