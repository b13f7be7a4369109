namespace CleanRag.Application.Documents;

public enum FileTicketPurpose
{
    Upload,
    Preview,
}
