# Tickets, forms per product or subject, protocol numbers and attachments
# arrive with the ticket-opening issue.
