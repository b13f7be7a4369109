using CleanRag.Application.Leads;
using CleanRag.Domain.Leads;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CleanRag.Infrastructure.Persistence.Projections;

internal sealed class LeadDetailsProjection : SingleStreamProjection<LeadDetails, Guid>
{
    public static LeadDetails Create(IEvent<LeadCaptured> e) => new()
    {
        Id = e.Data.LeadId,
        ProjectId = e.Data.ProjectId,
        ConversationId = e.Data.ConversationId,
        VisitorId = e.Data.VisitorId,
        Source = e.Data.Source,
        Status = LeadStatus.New,
        Name = e.Data.Name,
        Email = e.Data.Email,
        Phone = e.Data.Phone,
        Message = e.Data.Message,
        Notes = e.Data.Notes,
        CreatedBy = e.Data.CapturedBy,
        SearchText = LeadDetails.SearchTextOf(e.Data.Name, e.Data.Email, e.Data.Phone),
        CreatedAt = e.Data.CapturedAt,
        UpdatedAt = e.Data.CapturedAt,
        Version = e.Version,
    };

    public void Apply(IEvent<LeadStatusChanged> e, LeadDetails view)
    {
        view.Status = e.Data.Status;
        Touch(view, e, e.Data.At);
    }

    public void Apply(IEvent<LeadNotesChanged> e, LeadDetails view)
    {
        view.Notes = e.Data.Notes;
        Touch(view, e, e.Data.At);
    }

    private static void Touch(LeadDetails view, IEvent e, DateTimeOffset at)
    {
        view.UpdatedAt = at;
        view.Version = e.Version;
    }
}
