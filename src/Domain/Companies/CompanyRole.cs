namespace CleanRag.Domain.Companies;

/// <summary>A member's role in a company; a higher value includes the rights of the lower ones.</summary>
public enum CompanyRole
{
    Member = 1,
    Admin = 2,
    Owner = 3,
}
