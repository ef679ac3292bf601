-- A user's choice of answer form in private chats (/settings): 'full', or NULL for the compact default.
ALTER TABLE tg_users ADD COLUMN answers TEXT;
