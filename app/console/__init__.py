"""The web console: server-rendered pages for the people of a partner (CCAPEX secretariat, members, readers).

Built on the same services as the API (no second access logic): a signed-in user acts with their
partner's ``Principal`` (carrying the user), so what a page shows is what the partner may read.
"""
